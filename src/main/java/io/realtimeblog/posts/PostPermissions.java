package io.realtimeblog.posts;

import java.util.UUID;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * The one rule of who may see, edit, publish and delete a post (the table of ARCHITECTURE.md), for every module:
 * REST ({@code PostService}, {@code PostReader}), the public pages, feed and sitemap ({@link PublishedPosts}, which
 * select exactly the {@link #isPublic} status), live delivery and replay on the WebSocket, and presence
 * ({@link PostAudience}). The admin's {@code frontend/src/lib/post-permissions.ts} mirrors it; both run the same
 * table of cases ({@code frontend/src/lib/post-permission-cases.json}).
 * <ul>
 * <li><b>See.</b> Readers (the public, a {@code null} viewer) see published posts only. ADMIN and EDITOR see every
 * post; AUTHOR and CONTRIBUTOR their own posts and published ones (other people's drafts are invisible to them: 404,
 * not 403). A deleted post (status {@code null}) is visible to no one. Replay asks about the post as it is now, so an
 * event of a post that has since been withdrawn or deleted reaches a client only as a removal.</li>
 * <li><b>Edit.</b> ADMIN and EDITOR any post; AUTHOR their own; CONTRIBUTOR their own while it is a draft.</li>
 * <li><b>Publish, unpublish, schedule and delete.</b> ADMIN and EDITOR any post; AUTHOR their own; CONTRIBUTOR
 * none.</li>
 * <li><b>Revisions.</b> A revision is the post as one save left it: others may read it only if that state was
 * published, since every other state was a draft of the post's author.</li>
 * </ul>
 */
public final class PostPermissions {

    private PostPermissions() {
    }

    /** Whether readers may see a post in this status. */
    public static boolean isPublic(PostStatus status) {
        return status == PostStatus.PUBLISHED;
    }

    /** Whether the staff member sees every post, other people's drafts included. */
    public static boolean seesEverything(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.EDITOR);
    }

    /**
     * Whether the viewer may see a post of this author in this status.
     *
     * @param viewer the staff member, or {@code null} for the public
     * @param authorId the post's author
     * @param status the post's status, or {@code null} if the post was deleted
     */
    public static boolean canSee(Actor viewer, UUID authorId, PostStatus status) {
        if (status == null) {
            return false;
        }
        if (viewer == null) {
            return isPublic(status);
        }
        return seesEverything(viewer) || viewer.id().equals(authorId) || isPublic(status);
    }

    /** Whether the staff member may change the post's content ({@code null}: the public, who may not). */
    public static boolean canEdit(Actor actor, UUID authorId, PostStatus status) {
        if (actor == null || status == null) {
            return false;
        }
        return switch (actor.role()) {
            case ADMIN, EDITOR -> true;
            case AUTHOR -> actor.id().equals(authorId);
            case CONTRIBUTOR -> actor.id().equals(authorId) && status == PostStatus.DRAFT;
        };
    }

    /** Whether the staff member may publish, unpublish or schedule the post ({@code null}: the public, who may not). */
    public static boolean canPublish(Actor actor, UUID authorId, PostStatus status) {
        if (actor == null || status == null) {
            return false;
        }
        return switch (actor.role()) {
            case ADMIN, EDITOR -> true;
            case AUTHOR -> actor.id().equals(authorId);
            case CONTRIBUTOR -> false;
        };
    }

    /** Whether the staff member may delete the post: the same people who may publish it. */
    public static boolean canDelete(Actor actor, UUID authorId, PostStatus status) {
        return canPublish(actor, authorId, status);
    }
}
