package io.realtimeblog.posts.scheduling;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduled publishing settings ({@code blog.posts.*}).
 *
 * @param schedulePoll how often every instance looks for SCHEDULED posts whose time has come (it also looks once
 *                     at start)
 * @param scheduleMaxAttempts failed publish attempts after which the post is marked failed and staff are told
 * @param scheduleRetryBackoff the wait before the second attempt; it doubles with every further failure
 * @param scheduleMaxBackoff the longest wait between two attempts
 * @param scheduleBatchSize how many due posts one round handles at most (the rest wait for the next round)
 * @param scheduleHorizon how far ahead a post may be scheduled (default 3653 days, ten years; at most a century)
 */
@Validated
@ConfigurationProperties("blog.posts")
public record ScheduleProperties(
        @NotNull @DurationMin(millis = 10) @DefaultValue("1s") Duration schedulePoll,
        @Min(1) @Max(1000) @DefaultValue("5") int scheduleMaxAttempts,
        @NotNull @DefaultValue("5s") Duration scheduleRetryBackoff,
        @NotNull @DefaultValue("5m") Duration scheduleMaxBackoff,
        @Min(1) @Max(10_000) @DefaultValue("100") int scheduleBatchSize,
        @NotNull @DurationMin(minutes = 1) @DurationMax(days = 36_525) @DefaultValue("3653d") Duration scheduleHorizon) {

    /** The default of {@code scheduleHorizon}: ten years. */
    static final Duration DEFAULT_HORIZON = Duration.ofDays(3653);

    @ConstructorBinding
    public ScheduleProperties {
    }

    /** With the default horizon (tests that care only about the scheduler's timing). */
    ScheduleProperties(Duration schedulePoll, int scheduleMaxAttempts, Duration scheduleRetryBackoff,
            Duration scheduleMaxBackoff, int scheduleBatchSize) {
        this(schedulePoll, scheduleMaxAttempts, scheduleRetryBackoff, scheduleMaxBackoff, scheduleBatchSize,
                DEFAULT_HORIZON);
    }

    /** The wait after the {@code failures}-th failure: the back-off, doubled per further failure, capped. */
    Duration backoffAfter(int failures) {
        Duration wait = scheduleRetryBackoff;
        for (int i = 1; i < failures && wait.compareTo(scheduleMaxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(scheduleMaxBackoff) > 0 ? scheduleMaxBackoff : wait;
    }
}
