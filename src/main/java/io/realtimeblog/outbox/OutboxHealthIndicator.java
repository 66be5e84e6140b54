package io.realtimeblog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code outbox} health component (part of readiness): UP with the backlog and its age; DOWN once the oldest
 * unsent row is older than {@code blog.outbox.backlog-alarm}, i.e. changes no longer reach clients. The backlog
 * is shared by every instance, so when it fires it fires on all of them.
 */
@Component("outboxHealthIndicator")
class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxBacklog backlog;
    private final Duration alarm;
    private final Clock clock;

    OutboxHealthIndicator(OutboxBacklog backlog, OutboxProperties properties, Clock clock) {
        this.backlog = backlog;
        this.alarm = properties.backlogAlarm();
        this.clock = clock;
    }

    @Override
    public Health health() {
        return assess(backlog.current(), clock.instant(), alarm);
    }

    static Health assess(OutboxBacklog.Snapshot snapshot, Instant now, Duration alarm) {
        Duration age = snapshot.age(now);
        Health.Builder health = age.compareTo(alarm) > 0 ? Health.down() : Health.up();
        health.withDetail("backlog", snapshot.rows()).withDetail("oldestAgeSeconds", age.toSeconds());
        if (age.compareTo(alarm) > 0) {
            health.withDetail("reason", "the oldest unsent outbox row waited " + age.toSeconds()
                    + " s, more than blog.outbox.backlog-alarm (" + alarm.toSeconds() + " s): is Kafka reachable?");
        }
        return health.build();
    }
}
