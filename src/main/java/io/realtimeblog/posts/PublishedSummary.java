package io.realtimeblog.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published post as reader lists and feeds show it: no body. {@code featureImage}: the cover, or null. */
public record PublishedSummary(UUID id, String title, String slug, String excerpt, List<String> tags,
        PersonRef author, Instant publishedAt, Instant updatedAt, long version, FeatureImage featureImage) {
}
