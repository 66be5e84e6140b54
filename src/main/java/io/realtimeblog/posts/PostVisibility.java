package io.realtimeblog.posts;

import java.util.UUID;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * The one rule of who may see a post, for every module: REST ({@code PostReader}), the public pages, feed and
 * sitemap ({@link PublishedPosts}, which select exactly the {@link #isPublic} status), live delivery and replay on
 * the WebSocket, and presence ({@link PostAudience}). Readers (the public, a {@code null} viewer) see published
 * posts only. ADMIN and EDITOR see every post; AUTHOR and CONTRIBUTOR their own posts and published ones (other
 * people's drafts are invisible to them: 404, not 403). A deleted post (status {@code null}) is visible to no one.
 * Replay asks about the post as it is now, so an event of a post that has since been withdrawn or deleted reaches
 * a client only as a removal.
 */
public final class PostVisibility {

    private PostVisibility() {
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
}
