package io.realtimeblog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** When the outbox health component raises the alarm: on the age of the oldest unsent row, not on the count. */
class OutboxHealthIndicatorTests {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration ALARM = Duration.ofMinutes(5);

    @Test
    void anEmptyBacklogIsUp() {
        Health health = OutboxHealthIndicator.assess(new OutboxBacklog.Snapshot(0, null, NOW), NOW, ALARM);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 0L).containsEntry("oldestAgeSeconds", 0L);
    }

    @Test
    void aLargeButYoungBacklogIsUp() {
        Health health = OutboxHealthIndicator.assess(
                new OutboxBacklog.Snapshot(10_000, NOW.minusSeconds(299), NOW), NOW, ALARM);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 10_000L).containsEntry("oldestAgeSeconds", 299L);
    }

    @Test
    void aRowUnsentForLongerThanTheAlarmIsDownWithTheReason() {
        Health health = OutboxHealthIndicator.assess(
                new OutboxBacklog.Snapshot(1, NOW.minusSeconds(301), NOW), NOW, ALARM);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("backlog", 1L).containsEntry("oldestAgeSeconds", 301L);
        assertThat((String) health.getDetails().get("reason")).contains("blog.outbox.backlog-alarm");
    }

    @Test
    void aRowStampedAheadOfThisInstancesClockCountsAsNoAge() {
        Health health = OutboxHealthIndicator.assess(
                new OutboxBacklog.Snapshot(1, NOW.plusSeconds(2), NOW), NOW, ALARM);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("oldestAgeSeconds", 0L);
    }
}
