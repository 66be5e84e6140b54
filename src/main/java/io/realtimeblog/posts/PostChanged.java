package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/**
 * A committed-together change to a post, published inside the transaction that made it (so a listener that
 * writes to the same database, such as the outbox, commits or rolls back with the change).
 */
public sealed interface PostChanged
        permits PostChangedWithSnapshot, PostDeleted {

    UUID postId();

    /** The post's version after this change; a delete has the last version plus one. */
    long version();

    PersonRef actor();

    Instant occurredAt();
}
