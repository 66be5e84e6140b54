package io.realtimeblog.posts;

import java.util.UUID;

import io.realtimeblog.users.Actor;

/**
 * Who may see a post as it is now: its author and status, enough to apply {@link PostPermissions} without loading
 * the post. For modules that tell someone something about a post (who is editing it; what a resuming WebSocket
 * client may be replayed).
 *
 * @param postId the post
 * @param authorId its author
 * @param status its current status
 */
public record PostAudience(UUID postId, UUID authorId, PostStatus status) {

    /** Whether the actor ({@code null}: the public) may see the post ({@link PostPermissions#canSee}). */
    public boolean visibleTo(Actor actor) {
        return PostPermissions.canSee(actor, authorId, status);
    }

    /** Whether the actor may edit the post (and so say they are editing it), by the rule of REST updates. */
    public boolean editableBy(Actor actor) {
        return PostPermissions.canEdit(actor, authorId, status);
    }
}
