package io.realtimeblog.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published post as readers see it: no Markdown source, no status, no schedule.
 *
 * @param bodyHtml the stored, already sanitised HTML of the body (safe to insert unescaped)
 * @param featureImage the cover image, or null
 */
public record PublishedPost(UUID id, String title, String slug, String excerpt, String bodyHtml, List<String> tags,
        PersonRef author, Instant publishedAt, Instant updatedAt, long version, FeatureImage featureImage) {
}
