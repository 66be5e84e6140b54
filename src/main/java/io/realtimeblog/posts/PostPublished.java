package io.realtimeblog.posts;

import java.time.Instant;

/** A post became visible to readers. */
public record PostPublished(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChangedWithSnapshot {
}
