package io.realtimeblog.realtime.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.realtime.wire.WireFrame;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Turns a Kafka record into a {@link StreamEntry}: parses the event once and encodes one frame per audience. */
@Component
class EntryFactory {

    private static final Logger log = LoggerFactory.getLogger(EntryFactory.class);

    private final JsonMapper json;
    private final ObjectReader events;

    EntryFactory(JsonMapper json) {
        this.json = json;
        // Newer writers may add fields within schema version 1; this reader ignores what it does not know.
        this.events = json.readerFor(BlogEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The entry for the record, or null if the record is not an event this version understands. */
    StreamEntry entry(ConsumerRecord<String, String> record) {
        BlogEvent event;
        try {
            event = events.readValue(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record at offset {}: {}", record.offset(), e.getMessage());
            return null;
        }
        if (event.schemaVersion() != BlogEvent.SCHEMA_VERSION) {
            log.warn("Skipping record at offset {} with schema version {}", record.offset(), event.schemaVersion());
            return null;
        }
        long position = record.offset();
        if (event.mediaId() != null && event.postId() == null && isMedia(event)) {
            // The media library is for staff only: readers never get a frame of it.
            return new StreamEntry(position, event.mediaId(), event.version(), null, null, false,
                    frame(position, event), null, true);
        }
        if (event.postId() == null) {
            log.warn("Skipping record at offset {} without a post id", record.offset());
            return null;
        }
        BlogEvent forReaders = PublicView.of(event);
        return new StreamEntry(position, event.postId(), event.version(),
                event.post() == null ? null : event.post().author().id(), status(event), event.wasPublic(),
                frame(position, event), forReaders == null ? null : frame(position, forReaders), false);
    }

    private static boolean isMedia(BlogEvent event) {
        try {
            return event.eventType().isMedia();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The status after the change (null: deleted); a status this version does not know counts as a draft. */
    private static PostStatus status(BlogEvent event) {
        if (event.post() == null) {
            return null;
        }
        try {
            return PostStatus.valueOf(event.post().status());
        } catch (IllegalArgumentException | NullPointerException e) {
            return PostStatus.DRAFT;
        }
    }

    private WireFrame frame(long position, BlogEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "event");
        frame.put("position", position);
        frame.put("event", event);
        return WireFrame.text(json.writeValueAsBytes(frame), true);
    }
}
