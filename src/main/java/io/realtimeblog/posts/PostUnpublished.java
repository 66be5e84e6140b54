package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** A published post went back to draft and is no longer visible to readers. */
public record PostUnpublished(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
