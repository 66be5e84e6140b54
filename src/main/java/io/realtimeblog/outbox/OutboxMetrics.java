package io.realtimeblog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The outbox's meters: events the relay published (acknowledged by the broker), the time from an outbox row's
 * commit to that acknowledgement, the relay rounds that failed, and the backlog of unsent rows (from {@link OutboxBacklog}'s cached figures).
 */
@Component
class OutboxMetrics {

    private final Counter published;
    private final Counter failedRounds;
    private final Timer commitToSend;
    private final Clock clock;

    OutboxMetrics(MeterRegistry registry, OutboxBacklog backlog, Clock clock) {
        this.clock = clock;
        this.published = Counter.builder("blog.outbox.published")
                .description("Outbox events the broker acknowledged (at least once: a retried row counts again)")
                .register(registry);
        this.failedRounds = Counter.builder("blog.outbox.relay.failures")
                .description("Relay rounds that failed (Kafka did not acknowledge, or the database failed); retried with back-off")
                .register(registry);
        this.commitToSend = Timer.builder("blog.outbox.commit.to.send")
                .description("From an outbox row's created_at (its transaction) to the broker's acknowledgement")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
        Gauge.builder("blog.outbox.backlog", backlog, b -> b.current().rows())
                .description("Outbox rows not yet sent to Kafka (read at most every 5 s)")
                .register(registry);
        Gauge.builder("blog.outbox.backlog.age", backlog, b -> b.current().age(clock.instant()).toMillis() / 1000.0)
                .description("How long the oldest unsent outbox row has waited (read at most every 5 s)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A relay round failed and is retried after a back-off (the WARN line of the log). */
    void roundFailed() {
        failedRounds.increment();
    }

    /** The broker acknowledged the event of a row created at {@code createdAt}. */
    void published(Instant createdAt) {
        published.increment();
        commitToSend.record(Duration.between(createdAt, clock.instant()));
    }
}
