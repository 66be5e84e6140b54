package io.realtimeblog.posts;

import java.util.UUID;

import io.realtimeblog.users.Actor;

/**
 * The permission table of ARCHITECTURE.md. ADMIN and EDITOR may do anything with any post. AUTHOR creates
 * posts and edits, publishes, unpublishes and deletes their own. CONTRIBUTOR creates posts and edits their own
 * while they are drafts, and can publish nothing. Who may see a post is {@link PostVisibility}'s rule. A revision is the post as one
 * save left it: others may read it only if that state was published, since every other state was a draft of the
 * post's author.
 */
final class PostPermissions {

    private PostPermissions() {
    }

    static boolean canRead(Actor actor, Post post) {
        return PostVisibility.canSee(actor, post.getAuthorId(), post.getStatus());
    }

    /** ADMIN, EDITOR and the post's author: who may see the post's unpublished states (drafts, schedules). */
    static boolean seesDraftsOf(Actor actor, Post post) {
        return PostVisibility.seesEverything(actor) || owns(actor, post);
    }

    /** A revision of a post the actor may read: its drafts only for those who see the post's drafts. */
    static boolean canReadRevision(Actor actor, Post post, PostRevision revision) {
        return seesDraftsOf(actor, post) || revision.getStatus() == PostStatus.PUBLISHED;
    }

    static boolean canEdit(Actor actor, Post post) {
        return canEdit(actor, post.getAuthorId(), post.getStatus());
    }

    static boolean canEdit(Actor actor, UUID authorId, PostStatus status) {
        return switch (actor.role()) {
            case ADMIN, EDITOR -> true;
            case AUTHOR -> actor.id().equals(authorId);
            case CONTRIBUTOR -> actor.id().equals(authorId) && status == PostStatus.DRAFT;
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
