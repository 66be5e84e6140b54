package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** A post's content changed (an edit or a restored revision); its status did not. */
public record PostUpdated(PostSnapshot post, PersonRef actor, Instant occurredAt) implements PostChanged {

    @Override
    public UUID postId() {
        return post.id();
    }

    @Override
    public long version() {
        return post.version();
    }
}
