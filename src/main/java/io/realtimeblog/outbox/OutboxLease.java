package io.realtimeblog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which instance runs the relay: the one that holds the {@code relay} row of {@code outbox_lease}. Taking or
 * renewing it is one conditional UPDATE that succeeds only for the current holder or once the lease expired, so
 * two instances can never both believe they hold it (up to clock skew, kept small against the lease duration).
 */
class OutboxLease {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String name;
    private final String holder;
    private final Duration duration;
    private Instant heldUntil = Instant.EPOCH;

    OutboxLease(JdbcTemplate jdbc, Clock clock, String name, String holder, Duration duration) {
        this.jdbc = jdbc;
        this.name = name;
        this.clock = clock;
        this.holder = holder;
        this.duration = duration;
    }

    /** True if this instance holds the lease now, taking or renewing it in the database when due. */
    boolean hold() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil.minus(duration.dividedBy(2)))) {
            return true;
        }
        Instant until = now.plus(duration);
        int updated = jdbc.update("UPDATE outbox_lease SET holder = ?, expires_at = ? "
                        + "WHERE name = ? AND (holder = ? OR expires_at < ?)",
                holder, Times.utc(until), name, holder, Times.utc(now));
        heldUntil = updated == 1 ? until : Instant.EPOCH;
        return updated == 1;
    }

    /** Gives the lease up at once, so another instance can take over without waiting for it to expire. */
    void release() {
        if (heldUntil != Instant.EPOCH) {
            jdbc.update("UPDATE outbox_lease SET expires_at = ? WHERE name = ? AND holder = ?",
                    LocalDateTime.of(2000, 1, 1, 0, 0), name, holder);
            heldUntil = Instant.EPOCH;
        }
    }

    String holder() {
        return holder;
    }
}
