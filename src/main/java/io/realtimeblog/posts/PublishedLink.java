package io.realtimeblog.posts;

import java.time.Instant;
import java.util.UUID;

/**
 * A published post's slug, when it last changed, its version and its cover image's id (or null): enough for a sitemap
 * entry or a validator.
 */
public record PublishedLink(String slug, Instant updatedAt, long version, UUID featureImageId) {

    /** A link of a post without a cover image. */
    public PublishedLink(String slug, Instant updatedAt, long version) {
        this(slug, updatedAt, version, null);
    }
}
