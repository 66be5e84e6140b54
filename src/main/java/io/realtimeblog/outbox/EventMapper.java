package io.realtimeblog.outbox;

import java.util.UUID;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.events.EventType;
import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostChanged;
import io.realtimeblog.posts.PostCreated;
import io.realtimeblog.posts.PostDeleted;
import io.realtimeblog.posts.PostPublished;
import io.realtimeblog.posts.PostScheduleFailed;
import io.realtimeblog.posts.PostScheduled;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.PostUnpublished;
import io.realtimeblog.posts.PostUpdated;

/** Maps the posts module's domain events to the wire contract. */
final class EventMapper {

    private EventMapper() {
    }

    static BlogEvent toEvent(UUID eventId, PostChanged change) {
        if (change instanceof PostCreated e) {
            return event(eventId, EventType.CREATED, change, false, e.post());
        }
        if (change instanceof PostUpdated e) {
            return event(eventId, EventType.UPDATED, change, e.post().isPublic(), e.post());
        }
        if (change instanceof PostPublished e) {
            return event(eventId, EventType.PUBLISHED, change, false, e.post());
        }
        if (change instanceof PostUnpublished e) {
            return event(eventId, EventType.UNPUBLISHED, change, e.wasPublic(), e.post());
        }
        if (change instanceof PostScheduled e) {
            // Only a draft or an already scheduled post can be scheduled: readers never saw it.
            return event(eventId, EventType.SCHEDULED, change, false, e.post());
        }
        if (change instanceof PostScheduleFailed e) {
            return event(eventId, EventType.SCHEDULE_FAILED, change, false, e.post());
        }
        PostDeleted e = (PostDeleted) change;
        return event(eventId, EventType.DELETED, change, e.lastState().isPublic(), null);
    }

    private static BlogEvent event(UUID eventId, EventType type, PostChanged change, boolean wasPublic,
            PostSnapshot post) {
        return new BlogEvent(BlogEvent.SCHEMA_VERSION, eventId, type.wireName(), change.postId(), change.version(),
                change.occurredAt(), person(change.actor()), wasPublic, post == null ? null : post(post));
    }

    private static BlogEvent.Post post(PostSnapshot post) {
        return new BlogEvent.Post(post.id(), post.title(), post.slug(), post.excerpt(), post.status().name(),
                post.tags(), person(post.author()), post.publishedAt(), post.scheduledAt(), post.updatedAt(),
                post.version(), post.featureImage() == null ? null
                        : new BlogEvent.FeatureImage(post.featureImage().mediaId(), post.featureImage().alt()));
    }

    private static BlogEvent.Person person(PersonRef person) {
        return new BlogEvent.Person(person.id(), person.name());
    }
}
