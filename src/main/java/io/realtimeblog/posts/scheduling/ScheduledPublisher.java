package io.realtimeblog.posts.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * Publishes SCHEDULED posts when their time comes. Every instance runs it (at start, then every
 * {@code blog.posts.schedule-poll}); nothing is held in memory between rounds, so a post whose time passed while
 * every instance was down is published by the first round after start. Each due post is published exactly once
 * however many instances find it: the publish is a claim on the post's version (see
 * {@link ScheduleService#publishScheduled}), and the instances that lose it skip the post.
 * <p>
 * A publish that throws is counted on the post ({@code schedule_attempts}, {@code schedule_error}) and retried
 * after a back-off that doubles per failure; after {@code blog.posts.schedule-max-attempts} failures the post is
 * marked failed (it stays SCHEDULED, its view shows {@code scheduleFailed} and {@code scheduleError}) and a
 * {@code blog-schedule-failed} event tells staff. Every failure is logged at WARN.
 */
@Component
class ScheduledPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    /** The publish of one due post: true if this call published it, false if it was no longer due. */
    @FunctionalInterface
    interface PublishStep {
        boolean publish(DuePost post, Instant now);
    }

    /**
     * SCHEDULED posts whose time has come, not given up on and not waiting for a retry, oldest first. Plain JDBC,
     * like the outbox relay: a poll every second stays out of Hibernate's statistics (and its session).
     */
    private static final String DUE = "SELECT id, version, schedule_attempts FROM posts WHERE status = 'SCHEDULED' "
            + "AND scheduled_at <= ? AND schedule_failed = FALSE "
            + "AND (schedule_retry_at IS NULL OR schedule_retry_at <= ?) ORDER BY scheduled_at, id LIMIT ";

    private final JdbcTemplate jdbc;
    private final ScheduleService service;
    private final PublishStep step;
    private final ScheduleProperties properties;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Autowired
    ScheduledPublisher(JdbcTemplate jdbc, ScheduleService service, ScheduleProperties properties, Clock clock) {
        this(jdbc, service, (post, now) -> service.publishScheduled(post.id(), post.version(), now), properties,
                clock);
    }

    /** With another publish step: tests use it to make publishing fail or to line instances up. */
    ScheduledPublisher(JdbcTemplate jdbc, ScheduleService service, PublishStep step, ScheduleProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.step = step;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One round: publishes every due post (up to the batch size).
     *
     * @return how many posts this round published
     */
    int runOnce() {
        Instant now = clock.instant();
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        List<DuePost> due = jdbc.query(DUE + properties.scheduleBatchSize(),
                (row, i) -> new DuePost(UUID.fromString(row.getString(1)), row.getLong(2), row.getInt(3)), utc, utc);
        int published = 0;
        for (DuePost post : due) {
            try {
                if (step.publish(post, now)) {
                    published++;
                    log.info("Published scheduled post {}", post.id());
                } else {
                    log.debug("Scheduled post {} was published or changed elsewhere; skipped", post.id());
                }
            } catch (RuntimeException e) {
                failed(post, e, now);
            }
        }
        return published;
    }

    private void failed(DuePost post, RuntimeException e, Instant now) {
        int attempts = post.attempts() + 1;
        String error = message(e);
        if (attempts >= properties.scheduleMaxAttempts()) {
            if (service.markScheduleFailed(post.id(), post.version(), attempts, error, now)) {
                log.warn("Gave up publishing scheduled post {} after {} attempts; marked failed: {}", post.id(),
                        attempts, error, e);
            }
            return;
        }
        Instant retryAt = now.plus(properties.backoffAfter(attempts));
        if (service.recordScheduleAttempt(post.id(), post.version(), attempts, error, retryAt)) {
            log.warn("Publishing scheduled post {} failed (attempt {} of {}), retrying at {}: {}", post.id(),
                    attempts, properties.scheduleMaxAttempts(), retryAt, error, e);
        }
    }

    private static String message(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }

    private void safeRound() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The database is unreachable or similar: nothing was changed; the next round tries again.
            log.warn("Scheduled publishing round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scheduled-publisher");
            thread.setDaemon(true);
            return thread;
        });
        // The first round runs at once: posts whose time passed while every instance was down.
        timer.scheduleWithFixedDelay(this::safeRound, 0, properties.schedulePoll().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
