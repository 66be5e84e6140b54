package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/** One row of a published-post list query: the columns a list shows, without the bodies. */
record PublishedRow(UUID id, String title, String slug, String excerpt, UUID authorId, Instant publishedAt,
        Instant updatedAt, Long version) {
}
