package io.realtimeblog.posts;

import java.time.Instant;

/** A post's content changed (an edit or a restored revision); its status did not. */
public record PostUpdated(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChangedWithSnapshot {
}
