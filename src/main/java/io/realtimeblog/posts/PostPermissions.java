package io.realtimeblog.posts;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * The permission table of ARCHITECTURE.md. ADMIN and EDITOR may do anything with any post. AUTHOR creates
 * posts and edits, publishes, unpublishes and deletes their own. CONTRIBUTOR creates posts and edits their own
 * while they are drafts, and can publish nothing. AUTHOR and CONTRIBUTOR see their own posts and every
 * published post; other people's drafts are invisible to them (404, not 403).
 */
final class PostPermissions {

    private PostPermissions() {
    }

    static boolean seesEverything(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.EDITOR);
    }

    static boolean canRead(Actor actor, Post post) {
        return seesEverything(actor) || owns(actor, post) || post.getStatus() == PostStatus.PUBLISHED;
    }

    static boolean canEdit(Actor actor, Post post) {
        return switch (actor.role()) {
            case ADMIN, EDITOR -> true;
            case AUTHOR -> owns(actor, post);
            case CONTRIBUTOR -> owns(actor, post) && post.getStatus() == PostStatus.DRAFT;
        };
    }

    /** Publish, unpublish and delete. */
    static boolean canPublish(Actor actor, Post post) {
        return switch (actor.role()) {
            case ADMIN, EDITOR -> true;
            case AUTHOR -> owns(actor, post);
            case CONTRIBUTOR -> false;
        };
    }

    private static boolean owns(Actor actor, Post post) {
        return actor.id().equals(post.getAuthorId());
    }
}
