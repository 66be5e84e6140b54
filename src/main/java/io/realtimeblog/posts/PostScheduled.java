package io.realtimeblog.posts;

import java.time.Instant;

/** A post was scheduled (or rescheduled) for publication at {@code post.scheduledAt()}; readers see nothing yet. */
public record PostScheduled(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChangedWithSnapshot {
}
