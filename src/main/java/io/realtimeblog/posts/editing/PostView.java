package io.realtimeblog.posts.editing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.PostStatus;

/**
 * A post as the API returns it: everything, including the Markdown body and its sanitised HTML.
 * {@code scheduleFailed} is true once the scheduler gave up publishing a SCHEDULED post; {@code scheduleError}
 * holds the last failed attempt's message (also while retries are still pending), else null. {@code featureImage}
 * is the cover image, or null.
 */
public record PostView(UUID id, String title, String slug, String excerpt, String body, String bodyHtml,
        List<String> tags, PersonRef author, PostStatus status, Instant publishedAt, Instant scheduledAt,
        boolean scheduleFailed, String scheduleError, Instant createdAt, Instant updatedAt, long version,
        FeatureImage featureImage) {

    static PostView of(Post post, String authorName) {
        return new PostView(post.getId(), post.getTitle(), post.getSlug(), post.getExcerpt(), post.getBody(),
                post.getBodyHtml(), post.getTags(), new PersonRef(post.getAuthorId(), authorName),
                post.getStatus(), post.getPublishedAt(), post.getScheduledAt(), post.isScheduleFailed(),
                post.getScheduleError(), post.getCreatedAt(),
                post.getUpdatedAt(), post.getVersion(), post.getFeatureImage());
    }

    /** The post as events carry it. */
    PostSnapshot snapshot() {
        return new PostSnapshot(id, title, slug, excerpt, status, tags, author, publishedAt, scheduledAt, updatedAt,
                version, featureImage, PostImages.usedBy(featureImage, body));
    }
}
