package io.realtimeblog.outbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamps for the outbox tables, written and compared as UTC wall-clock times (the columns have no time
 * zone), so every instance and every database agrees whatever the JVM's default zone.
 */
final class Times {

    private Times() {
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
