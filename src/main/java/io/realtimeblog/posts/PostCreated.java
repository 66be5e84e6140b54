package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** A post was created (always as a draft). */
public record PostCreated(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
