package io.realtimeblog.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event of the {@code blog-events} topic, schema version 1 (docs/events.md, docs/asyncapi.yaml). The JSON
 * form of this record is the contract between the instance that wrote a change and every consumer.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this shape
 * @param eventId unique per event; consumers drop an id they have seen
 * @param type one of {@link EventType}'s wire names
 * @param postId the post the event is about
 * @param version the post's version after the change (a delete has the last version plus one)
 * @param occurredAt when the change was committed by the writer's clock
 * @param actor who made the change
 * @param wasPublic whether readers could see the post before this change (lets consumers tell readers that a
 *                  post went away without ever having told them anything about drafts)
 * @param post the post after the change; null for {@code blog-deleted}
 * @param mediaId for the {@code media-*} types only (whose {@code postId} is null): the image the event is about
 * @param media for {@code media-created} and {@code media-updated}: the image after the change (absent otherwise)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlogEvent(int schemaVersion, UUID eventId, String type, UUID postId, long version,
        Instant occurredAt, Person actor, boolean wasPublic, Post post,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID mediaId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Media media) {

    public static final int SCHEMA_VERSION = 1;

    /** An event about a post (every type but {@code media-*}). */
    public BlogEvent(int schemaVersion, UUID eventId, String type, UUID postId, long version, Instant occurredAt,
            Person actor, boolean wasPublic, Post post) {
        this(schemaVersion, eventId, type, postId, version, occurredAt, actor, wasPublic, post, null, null);
    }

    /** An image of the media library as events carry it: the JSON of {@code GET /api/media/{id}} without usage. */
    public record Media(UUID id, String url, String contentType, int width, int height, long bytes, String alt,
            List<Variant> variants, Instant createdAt, Person uploadedBy) {
    }

    /** A narrower rendition of an image. */
    public record Variant(int width, String url) {
    }

    /** A staff member as events name them. */
    public record Person(UUID id, String name) {
    }

    /** A post's cover image: an image id of the media library and the post's alt text for it. */
    public record FeatureImage(UUID mediaId, String alt) {
    }

    /** The post as lists show it; never its body. {@code featureImage} is null when it has no cover. */
    public record Post(UUID id, String title, String slug, String excerpt, String status, List<String> tags,
            Person author, Instant publishedAt, Instant scheduledAt, Instant updatedAt, long version,
            FeatureImage featureImage) {

        /** A post without a cover image. */
        public Post(UUID id, String title, String slug, String excerpt, String status, List<String> tags,
                Person author, Instant publishedAt, Instant scheduledAt, Instant updatedAt, long version) {
            this(id, title, slug, excerpt, status, tags, author, publishedAt, scheduledAt, updatedAt, version, null);
        }

        /** Whether readers may see the post in this state. */
        @JsonIgnore
        public boolean isPublic() {
            return "PUBLISHED".equals(status);
        }
    }

    @JsonIgnore
    public EventType eventType() {
        return EventType.fromWireName(type);
    }

    /** Whether readers can see the post after this change. */
    @JsonIgnore
    public boolean isPublic() {
        return post != null && post.isPublic();
    }
}
