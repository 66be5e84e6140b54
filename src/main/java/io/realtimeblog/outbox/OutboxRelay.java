package io.realtimeblog.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.realtimeblog.kafka.BlogKafkaProperties;
import io.realtimeblog.events.EventHeaders;

/**
 * Publishes outbox rows to Kafka, oldest first, on the one instance that holds the relay lease. It picks up
 * every unsent row on each round (never "rows after the last id"), so a transaction that commits late is never
 * skipped. A commit on this instance wakes it at once; otherwise it polls. While the broker is down rows stay
 * unsent and the relay retries with back-off; writes are unaffected. Delivery to Kafka is at least once:
 * consumers drop duplicates by event id and version.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final OutboxLease lease;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final String topic;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock,
            OutboxMetrics metrics, BlogKafkaProperties kafkaProperties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
        this.topic = kafkaProperties.topic().name();
        this.lease = new OutboxLease(jdbc, clock, "relay", InstanceName.get(), properties.leaseDuration());
    }

    /** Asks the relay to look for rows now (called after a commit on this instance). */
    void wake() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        try {
            thread.join(properties.sendTimeout().toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Could not release the relay lease on shutdown", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                int sent = lease.hold() ? relayRound() : 0;
                backoff = properties.pollInterval();
                if (sent < properties.batchSize()) {
                    pause(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                metrics.roundFailed();
                log.warn("Outbox relay round failed ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0
                        ? properties.maxBackoff() : backoff.multipliedBy(2);
            }
        }
        // Drain: one last round so that what was committed before shutdown is not left for the next start.
        try {
            if (lease.hold()) {
                relayRound();
            }
        } catch (RuntimeException e) {
            log.info("Outbox rows left unsent at shutdown are sent by the next relay: {}", e.getMessage());
        }
    }

    /** Sends one batch of unsent rows and marks those the broker acknowledged. Returns how many were sent. */
    int relayRound() {
        List<OutboxRow> rows = jdbc.query("SELECT id, post_id, event_type, payload, created_at FROM outbox_events "
                        + "WHERE sent_at IS NULL ORDER BY created_at, post_version, id LIMIT ?",
                (rs, n) -> new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                properties.batchSize());
        if (rows.isEmpty()) {
            purgeIfDue();
            return 0;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            CompletableFuture<?> ack = kafka.send(record(row));
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                // The producer gave up at once (no broker within max.block.ms): sending the rest of the batch
                // would block that long per row. End the round; the back-off retries it.
                break;
            }
        }
        List<Object[]> sent = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(new Object[] {Times.utc(clock.instant()), rows.get(i).id()});
                metrics.published(rows.get(i).createdAt());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = failure != null ? failure : new IllegalStateException("Kafka did not acknowledge: " + e, e);
                jdbc.update("UPDATE outbox_events SET attempts = attempts + 1 WHERE id = ?", rows.get(i).id());
            }
        }
        if (!sent.isEmpty()) {
            jdbc.batchUpdate("UPDATE outbox_events SET sent_at = ? WHERE id = ?", sent);
        }
        if (failure != null) {
            throw failure;
        }
        return sent.size();
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, row.postId(), row.payload());
        record.headers().add(EventHeaders.EVENT_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, row.id().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(properties.purgeInterval());
        int purged = purgeSentBefore(now.minus(properties.retention()));
        if (purged > 0) {
            log.debug("Purged {} sent outbox rows", purged);
        }
    }

    /** Deletes rows sent before {@code cutoff}; unsent rows are never deleted, however old. */
    int purgeSentBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM outbox_events WHERE sent_at IS NOT NULL AND sent_at < ?", Times.utc(cutoff));
    }

    private void pause(Duration duration) {
        try {
            wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record OutboxRow(String id, String postId, String eventType, String payload, Instant createdAt) {
    }
}
