package io.realtimeblog.posts.scheduling;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

import io.realtimeblog.MutableClock;

/** Scheduler rounds for tests that must not publish the due posts other tests left behind. */
public final class SchedulerRounds {

    private SchedulerRounds() {
    }

    /**
     * Runs one round of a {@link ScheduledPublisher} at {@code now} that publishes only the post {@code postId}
     * (by the real publish path) and leaves every other due post alone.
     *
     * @return how many posts the round published
     */
    public static int publishOnly(JdbcTemplate jdbc, ScheduleService service, String postId, Instant now) {
        ScheduledPublisher.PublishStep onlyThisPost = (due, at) -> due.id().toString().equals(postId)
                && service.publishScheduled(due.id(), due.version(), at);
        return new ScheduledPublisher(jdbc, service, onlyThisPost, new ScheduleProperties(Duration.ofHours(1), 5,
                Duration.ofSeconds(10), Duration.ofMinutes(1), 100), new MutableClock(now)).runOnce();
    }
}
