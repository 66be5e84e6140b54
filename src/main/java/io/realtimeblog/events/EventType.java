package io.realtimeblog.events;

import java.util.Arrays;

/** The event types of the contract, with their wire names (the {@code type} field and {@code eventType} header). */
public enum EventType {
    CREATED("blog-created"),
    UPDATED("blog-updated"),
    DELETED("blog-deleted"),
    PUBLISHED("blog-published"),
    UNPUBLISHED("blog-unpublished"),
    SCHEDULED("blog-scheduled"),
    SCHEDULE_FAILED("blog-schedule-failed"),
    MEDIA_CREATED("media-created"),
    MEDIA_UPDATED("media-updated"),
    MEDIA_DELETED("media-deleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** Whether the event is about an image of the media library (staff only) rather than a post. */
    public boolean isMedia() {
        return this == MEDIA_CREATED || this == MEDIA_UPDATED || this == MEDIA_DELETED;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + name));
    }
}
