package io.realtimeblog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many outbox rows wait to be sent and since when, for the metrics and the health indicator. The query runs
 * at most once per {@link #MAX_AGE}: every scrape and every health check reads the cached figures.
 */
@Component
class OutboxBacklog {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot cached;

    OutboxBacklog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The unsent rows as of at most {@link #MAX_AGE} ago.
     *
     * @param rows how many rows are unsent
     * @param oldest the {@code created_at} of the oldest unsent row, or {@code null} when none is
     * @param takenAt when the figures were read
     */
    record Snapshot(long rows, Instant oldest, Instant takenAt) {

        /** How long the oldest unsent row has waited at {@code now}; zero when nothing waits. */
        Duration age(Instant now) {
            return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    Snapshot current() {
        Snapshot snapshot = cached;
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.takenAt().plus(MAX_AGE))) {
            snapshot = read(now);
            cached = snapshot;
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM outbox_events WHERE sent_at IS NULL",
                (rs, n) -> {
                    LocalDateTime oldest = rs.getObject(2, LocalDateTime.class);
                    return new Snapshot(rs.getLong(1), oldest == null ? null : oldest.toInstant(ZoneOffset.UTC), now);
                });
    }
}
