package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** A post became visible to readers. */
public record PostPublished(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
