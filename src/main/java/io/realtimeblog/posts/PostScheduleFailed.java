package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/**
 * The scheduler gave up publishing a SCHEDULED post after {@code attempts} failed attempts; the post stays
 * SCHEDULED (and is marked so) until staff publish, reschedule or unschedule it. {@code error} is the last
 * failure's message.
 */
public record PostScheduleFailed(PostSnapshot post, int attempts, String error, PersonRef actor, Instant occurredAt)
        implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
