package io.realtimeblog.posts.scheduling;

import java.time.Duration;
import java.time.Instant;

import io.realtimeblog.posts.editing.PostProblems;

/**
 * When a post may be scheduled for: after now, and at most the horizon ahead. The bound keeps every later
 * computation on the time (the scheduler's comparisons, the feed's RFC 822 date, HTTP dates, the sitemap) far
 * from the ends of {@link Instant}'s range and of the databases' timestamp types.
 */
record ScheduleWindow(Duration horizon) {

    /** Throws 400 {@code /problems/bad-schedule} unless {@code at} lies in (now, now + horizon]. */
    void check(Instant at, Instant now) {
        if (!at.isAfter(now)) {
            throw PostProblems.badSchedule("scheduledAt must be in the future; it was " + at + ".");
        }
        Instant latest = now.plus(horizon);
        if (at.isAfter(latest)) {
            throw PostProblems.badSchedule("scheduledAt may be at most " + horizon.toDays()
                    + " days ahead (until " + latest + "); it was " + at + ".");
        }
    }
}
