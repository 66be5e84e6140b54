package io.realtimeblog.posts;

import java.time.Instant;

/** A published post's slug, when it last changed and its version: enough for a sitemap entry or a validator. */
public record PublishedLink(String slug, Instant updatedAt, long version) {
}
