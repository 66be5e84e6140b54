package io.realtimeblog.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Outbox relay settings ({@code blog.outbox.*}).
 *
 * @param pollInterval how often the relay looks for rows when nothing woke it (a commit on this instance wakes
 *                     it at once; commits on other instances are seen at the next poll)
 * @param batchSize how many rows one round sends at most
 * @param leaseDuration how long the relay lease lasts without renewal; another instance takes over after it
 * @param retention how long sent rows are kept before the purge deletes them
 * @param purgeInterval how often the purge runs
 * @param sendTimeout how long one round waits for the broker's acknowledgements
 * @param maxBackoff the longest wait between rounds while the broker or database fails
 * @param backlogAlarm the {@code outbox} health indicator (part of readiness) reports DOWN once the oldest unsent
 *                     row is older than this
 */
@Validated
@ConfigurationProperties("blog.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("250ms") Duration pollInterval,
        @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("10s") Duration leaseDuration,
        @NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("1m") Duration purgeInterval,
        @NotNull @DefaultValue("15s") Duration sendTimeout,
        @NotNull @DefaultValue("5s") Duration maxBackoff,
        @NotNull @DefaultValue("5m") Duration backlogAlarm) {
}
