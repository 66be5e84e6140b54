package io.realtimeblog.posts;

import java.time.Instant;

/** A post was created (always as a draft). */
public record PostCreated(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChangedWithSnapshot {
}
