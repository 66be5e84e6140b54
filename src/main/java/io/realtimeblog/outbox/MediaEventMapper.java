package io.realtimeblog.outbox;

import java.util.UUID;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.events.EventType;
import io.realtimeblog.media.MediaChanged;
import io.realtimeblog.media.MediaCreated;
import io.realtimeblog.media.MediaSnapshot;
import io.realtimeblog.media.MediaUpdated;

/** Maps the media module's domain events to the wire contract: staff-only {@code media-*} events. */
final class MediaEventMapper {

    private MediaEventMapper() {
    }

    static BlogEvent toEvent(UUID eventId, MediaChanged change) {
        EventType type;
        MediaSnapshot media;
        if (change instanceof MediaCreated e) {
            type = EventType.MEDIA_CREATED;
            media = e.media();
        } else if (change instanceof MediaUpdated e) {
            type = EventType.MEDIA_UPDATED;
            media = e.media();
        } else {
            type = EventType.MEDIA_DELETED;
            media = null;
        }
        return new BlogEvent(BlogEvent.SCHEMA_VERSION, eventId, type.wireName(), null, change.version(),
                change.occurredAt(), person(change.actor()), false, null, change.mediaId(),
                media == null ? null : media(media));
    }

    private static BlogEvent.Media media(MediaSnapshot media) {
        return new BlogEvent.Media(media.id(), media.url(), media.contentType(), media.width(), media.height(),
                media.bytes(), media.alt(),
                media.variants().stream().map(v -> new BlogEvent.Variant(v.width(), v.url())).toList(),
                media.createdAt(), person(media.uploadedBy()));
    }

    private static BlogEvent.Person person(MediaSnapshot.Uploader person) {
        return new BlogEvent.Person(person.id(), person.name());
    }
}
