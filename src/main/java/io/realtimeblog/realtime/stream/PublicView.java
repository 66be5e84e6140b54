package io.realtimeblog.realtime.stream;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.events.EventType;

/**
 * What readers may learn of an event. A post that becomes visible arrives as {@code blog-published}, an edit of
 * a visible post as {@code blog-updated}, a visible post that is unpublished or deleted as a removal (its type,
 * id and version, nothing else). Anything about a post readers could not see before and cannot see after is
 * dropped entirely. Staff details (the actor, scheduling) are never included.
 */
final class PublicView {

    private PublicView() {
    }

    /** The event as readers get it, or null if they must not hear of it. */
    static BlogEvent of(BlogEvent event) {
        boolean after = event.isPublic();
        if (after) {
            EventType type = event.wasPublic() ? EventType.UPDATED : EventType.PUBLISHED;
            return new BlogEvent(event.schemaVersion(), event.eventId(), type.wireName(), event.postId(),
                    event.version(), event.occurredAt(), null, event.wasPublic(), publicPost(event.post()));
        }
        if (event.wasPublic()) {
            EventType type = event.eventType() == EventType.DELETED ? EventType.DELETED : EventType.UNPUBLISHED;
            return new BlogEvent(event.schemaVersion(), event.eventId(), type.wireName(), event.postId(),
                    event.version(), event.occurredAt(), null, true, null);
        }
        return null;
    }

    private static BlogEvent.Post publicPost(BlogEvent.Post post) {
        return new BlogEvent.Post(post.id(), post.title(), post.slug(), post.excerpt(), post.status(), post.tags(),
                post.author(), post.publishedAt(), null, post.updatedAt(), post.version(), post.featureImage());
    }
}
