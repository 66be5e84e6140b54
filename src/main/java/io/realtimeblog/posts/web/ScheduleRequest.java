package io.realtimeblog.posts.web;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The body of a schedule: when to publish (an ISO-8601 instant in the future) and, optionally, the version the
 * change started from (If-Match or {@code ?version=} may carry it instead).
 */
record ScheduleRequest(@NotNull Instant scheduledAt, @PositiveOrZero Long version) {
}
