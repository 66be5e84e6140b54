package io.realtimeblog.posts;

import java.time.Instant;

/**
 * A published or scheduled post went back to draft: a published one is no longer visible to readers
 * ({@code wasPublic}), a scheduled one is no longer scheduled.
 */
public record PostUnpublished(PostSnapshot post, boolean wasPublic, PersonRef actor, Instant occurredAt)
        implements PostChangedWithSnapshot {
}
