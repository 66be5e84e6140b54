package io.realtimeblog.posts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as events carry it: everything a list row needs, without the body. {@code version} is the post's
 * version after the change.
 */
public record PostSnapshot(UUID id, String title, String slug, String excerpt, PostStatus status,
        List<String> tags, PersonRef author, Instant publishedAt, Instant scheduledAt, Instant updatedAt,
        long version) {

    public PostSnapshot {
        tags = List.copyOf(tags);
    }

    static PostSnapshot of(PostView post) {
        return new PostSnapshot(post.id(), post.title(), post.slug(), post.excerpt(), post.status(), post.tags(),
                post.author(), post.publishedAt(), post.scheduledAt(), post.updatedAt(), post.version());
    }

    /** Whether readers may see the post in this state. */
    public boolean isPublic() {
        return PostPermissions.isPublic(status);
    }
}
