package io.realtimeblog.posts;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A blog post. Its {@code version} grows by one on every change and is the optimistic lock. */
@Entity
@Table(name = "posts")
class Post {

    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID id;

    private String title;
    private String slug;
    private String excerpt;

    @Column(name = "body")
    private String body;

    @Column(name = "body_html")
    private String bodyHtml;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID authorId;

    @Enumerated(EnumType.STRING)
    private PostStatus status;

    private Instant publishedAt;
    private Instant scheduledAt;
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "tag")
    @OrderBy
    private Set<String> tags = new LinkedHashSet<>();

    @Version
    private Long version;

    protected Post() {
    }

    Post(UUID id, UUID authorId, Instant now) {
        this.id = id;
        this.authorId = authorId;
        this.status = PostStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void edit(PostContent content, String bodyHtml, Instant now) {
        this.title = content.title();
        this.slug = content.slug();
        this.excerpt = content.excerpt();
        this.body = content.body();
        this.bodyHtml = bodyHtml;
        this.tags.clear();
        this.tags.addAll(content.tags());
        this.updatedAt = now;
    }

    void publish(Instant now) {
        status = PostStatus.PUBLISHED;
        scheduledAt = null;
        if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    void unpublish(Instant now) {
        status = PostStatus.DRAFT;
        updatedAt = now;
    }

    PostContent content() {
        return new PostContent(title, slug, excerpt, body, List.copyOf(tags));
    }

    UUID getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getSlug() {
        return slug;
    }

    String getExcerpt() {
        return excerpt;
    }

    String getBody() {
        return body;
    }

    String getBodyHtml() {
        return bodyHtml;
    }

    UUID getAuthorId() {
        return authorId;
    }

    PostStatus getStatus() {
        return status;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getScheduledAt() {
        return scheduledAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    List<String> getTags() {
        return List.copyOf(tags);
    }

    long getVersion() {
        return version == null ? 0 : version;
    }
}
