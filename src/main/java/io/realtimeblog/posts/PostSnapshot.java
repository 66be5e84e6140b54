package io.realtimeblog.posts;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;


/**
 * A post as events carry it: everything a list row needs, without the body. {@code version} is the post's
 * version after the change. {@code images} are the ids of the media images it uses (its cover and those its body
 * shows), for the media module's usage list; they are not part of the event contract.
 */
public record PostSnapshot(UUID id, String title, String slug, String excerpt, PostStatus status,
        List<String> tags, PersonRef author, Instant publishedAt, Instant scheduledAt, Instant updatedAt,
        long version, FeatureImage featureImage, Set<UUID> images) {

    public PostSnapshot {
        tags = List.copyOf(tags);
        images = Set.copyOf(images);
    }

    /** A post without a cover or images. */
    public PostSnapshot(UUID id, String title, String slug, String excerpt, PostStatus status, List<String> tags,
            PersonRef author, Instant publishedAt, Instant scheduledAt, Instant updatedAt, long version) {
        this(id, title, slug, excerpt, status, tags, author, publishedAt, scheduledAt, updatedAt, version, null,
                Set.of());
    }

    /** Whether readers may see the post in this state. */
    public boolean isPublic() {
        return PostPermissions.isPublic(status);
    }
}
