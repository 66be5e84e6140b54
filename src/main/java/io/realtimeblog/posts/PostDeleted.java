package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/**
 * A post was deleted. {@code lastState} is the post as it was just before, so that listeners can tell whether
 * readers could see it; {@code version} is one more than its last version.
 */
public record PostDeleted(UUID postId, long version, PostSnapshot lastState, PersonRef actor, Instant occurredAt)
        implements PostChanged {
}
