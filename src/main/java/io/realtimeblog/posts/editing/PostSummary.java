package io.realtimeblog.posts.editing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostStatus;

/** A post as lists show it: no body. */
public record PostSummary(UUID id, String title, String slug, String excerpt, List<String> tags,
        PersonRef author, PostStatus status, Instant publishedAt, Instant scheduledAt, Instant createdAt,
        Instant updatedAt, long version) {

    static PostSummary of(Post post, String authorName) {
        return new PostSummary(post.getId(), post.getTitle(), post.getSlug(), post.getExcerpt(), post.getTags(),
                new PersonRef(post.getAuthorId(), authorName), post.getStatus(), post.getPublishedAt(),
                post.getScheduledAt(), post.getCreatedAt(), post.getUpdatedAt(), post.getVersion());
    }
}
