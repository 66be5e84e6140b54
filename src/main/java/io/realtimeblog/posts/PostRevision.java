package io.realtimeblog.posts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One saved state of a post: who saved it, when, what changed, and the content as it then was. */
@Entity
@Table(name = "post_revisions")
class PostRevision {

    /** What a save did. */
    enum Action { CREATED, UPDATED, PUBLISHED, UNPUBLISHED, RESTORED, SCHEDULED, SCHEDULE_FAILED }

    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID postId;

    private long postVersion;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String changedFields;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID editorId;

    private String editorName;
    private Instant createdAt;
    private String title;
    private String slug;
    private String excerpt;
    private String body;
    private String tags;

    @Column(name = "feature_image_id")
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID featureImageId;

    @Column(name = "feature_image_alt")
    private String featureImageAlt;

    @Enumerated(EnumType.STRING)
    private PostStatus status;

    protected PostRevision() {
    }

    PostRevision(Post post, Action action, List<String> changedFields, UUID editorId, String editorName,
            Instant now) {
        this.id = UUID.randomUUID();
        this.postId = post.getId();
        this.postVersion = post.getVersion();
        this.action = action;
        this.changedFields = String.join(",", changedFields);
        this.editorId = editorId;
        this.editorName = editorName;
        this.createdAt = now;
        this.title = post.getTitle();
        this.slug = post.getSlug();
        this.excerpt = post.getExcerpt();
        this.body = post.getBody();
        this.tags = String.join(",", post.getTags());
        FeatureImage cover = post.getFeatureImage();
        this.featureImageId = cover == null ? null : cover.mediaId();
        this.featureImageAlt = cover == null ? null : cover.alt();
        this.status = post.getStatus();
    }

    PostContent content() {
        return new PostContent(title, slug, excerpt, body, tagList(),
                featureImageId == null ? null : new FeatureImage(featureImageId, featureImageAlt));
    }

    List<String> tagList() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    List<String> changedFieldList() {
        return changedFields.isEmpty() ? List.of() : Arrays.asList(changedFields.split(","));
    }

    UUID getId() {
        return id;
    }

    UUID getPostId() {
        return postId;
    }

    long getPostVersion() {
        return postVersion;
    }

    Action getAction() {
        return action;
    }

    UUID getEditorId() {
        return editorId;
    }

    String getEditorName() {
        return editorName;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getTitle() {
        return title;
    }

    PostStatus getStatus() {
        return status;
    }
}
