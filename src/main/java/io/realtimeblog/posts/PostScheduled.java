package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** A post was scheduled (or rescheduled) for publication at {@code post.scheduledAt()}; readers see nothing yet. */
public record PostScheduled(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
