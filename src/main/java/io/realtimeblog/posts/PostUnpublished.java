package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/**
 * A published or scheduled post went back to draft: a published one is no longer visible to readers
 * ({@code wasPublic}), a scheduled one is no longer scheduled.
 */
public record PostUnpublished(PostSnapshot post, boolean wasPublic, PersonRef actor, Instant occurredAt)
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
