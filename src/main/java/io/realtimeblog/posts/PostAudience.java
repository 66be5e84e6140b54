package io.realtimeblog.posts;

import java.util.UUID;

import io.realtimeblog.users.Actor;

/**
 * Who among staff may see a post: its author and status, enough to apply the read rule of {@link PostPermissions}
 * without loading the post. For modules that tell staff something about a post (who is editing it, for example).
 *
 * @param postId the post
 * @param authorId its author
 * @param status its current status
 */
public record PostAudience(UUID postId, UUID authorId, PostStatus status) {

    /** Whether the actor may see the post: ADMIN and EDITOR always, others their own posts and published ones. */
    public boolean visibleTo(Actor actor) {
        return PostPermissions.seesEverything(actor) || actor.id().equals(authorId)
                || status == PostStatus.PUBLISHED;
    }

    /** Whether the actor may edit the post (and so say they are editing it), by the rule of REST updates. */
    public boolean editableBy(Actor actor) {
        return PostPermissions.canEdit(actor, authorId, status);
    }
}
