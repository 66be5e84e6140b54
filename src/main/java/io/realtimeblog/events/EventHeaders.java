package io.realtimeblog.events;

/** Kafka record headers every event carries, so that consumers can route without parsing the value. */
public final class EventHeaders {

    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_ID = "eventId";

    private EventHeaders() {
    }
}
