package io.realtimeblog.posts;

import java.time.Instant;

/**
 * The scheduler gave up publishing a SCHEDULED post after {@code attempts} failed attempts; the post stays
 * SCHEDULED (and is marked so) until staff publish, reschedule or unschedule it. {@code error} is the last
 * failure's message.
 */
public record PostScheduleFailed(PostSnapshot post, int attempts, String error, PersonRef actor, Instant occurredAt)
        implements PostChangedWithSnapshot {
}
