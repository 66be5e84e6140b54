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

    /**
     * The slug of the post's public URL while it is PUBLISHED, else null; unique among published posts (the
     * database's constraint), while {@link #slug} is unique only among the posts one user may see.
     */
    private String publicSlug;

    private String excerpt;

    @Column(name = "feature_image_id")
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID featureImageId;

    @Column(name = "feature_image_alt")
    private String featureImageAlt;

    @Column(name = "body")
    private String body;

    @Column(name = "body_html")
    private String bodyHtml;

    /** The {@link MarkdownRenderer#VERSION} that made {@code bodyHtml}. */
    private int bodyHtmlVersion;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID authorId;

    @Enumerated(EnumType.STRING)
    private PostStatus status;

    private Instant publishedAt;
    private Instant scheduledAt;
    private Instant createdAt;
    private Instant updatedAt;

    /** Failed attempts of the scheduler to publish this SCHEDULED post. */
    private int scheduleAttempts;

    /** Set once the scheduler gave up: the post stays SCHEDULED until staff act. */
    private boolean scheduleFailed;

    /** The earliest time of the scheduler's next attempt after a failure (back-off). */
    private Instant scheduleRetryAt;

    /** The last failure's message. */
    private String scheduleError;

    /** Who scheduled this SCHEDULED post: the scheduler publishes it only if they still may. */
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private UUID scheduledBy;

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
        if (status == PostStatus.PUBLISHED) {
            this.publicSlug = content.slug();
        }
        this.excerpt = content.excerpt();
        this.featureImageId = content.featureImage() == null ? null : content.featureImage().mediaId();
        this.featureImageAlt = content.featureImage() == null ? null : content.featureImage().alt();
        this.body = content.body();
        this.bodyHtml = bodyHtml;
        this.bodyHtmlVersion = MarkdownRenderer.VERSION;
        this.tags.clear();
        this.tags.addAll(content.tags());
        this.updatedAt = now;
    }

    void publish(String publicSlug, Instant now) {
        publish(publicSlug, now, now);
    }

    /**
     * Publishes at {@code publicSlug} (its slug from now on, free among published posts); {@code firstPublication}
     * becomes {@code publishedAt} unless the post was published before.
     */
    void publish(String publicSlug, Instant firstPublication, Instant now) {
        this.slug = publicSlug;
        this.publicSlug = publicSlug;
        status = PostStatus.PUBLISHED;
        scheduledAt = null;
        if (publishedAt == null) {
            publishedAt = firstPublication;
        }
        updatedAt = now;
        clearScheduleState();
    }

    /** Back to draft, from PUBLISHED or SCHEDULED (which cancels the schedule). */
    void unpublish(Instant now) {
        status = PostStatus.DRAFT;
        publicSlug = null;
        scheduledAt = null;
        updatedAt = now;
        clearScheduleState();
    }

    void schedule(Instant at, UUID by, Instant now) {
        status = PostStatus.SCHEDULED;
        scheduledAt = at;
        updatedAt = now;
        clearScheduleState();
        scheduledBy = by;
    }

    /** The scheduler gave up on this post after {@code attempts} failures; it stays SCHEDULED. */
    void markScheduleFailed(int attempts, String error, Instant now) {
        scheduleAttempts = attempts;
        scheduleFailed = true;
        scheduleRetryAt = null;
        scheduleError = error;
        updatedAt = now;
    }

    private void clearScheduleState() {
        scheduleAttempts = 0;
        scheduleFailed = false;
        scheduleRetryAt = null;
        scheduleError = null;
        scheduledBy = null;
    }

    PostContent content() {
        return new PostContent(title, slug, excerpt, body, List.copyOf(tags), getFeatureImage());
    }

    /** The cover image, or null. */
    FeatureImage getFeatureImage() {
        return featureImageId == null ? null : new FeatureImage(featureImageId, featureImageAlt);
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

    int getScheduleAttempts() {
        return scheduleAttempts;
    }

    boolean isScheduleFailed() {
        return scheduleFailed;
    }

    Instant getScheduleRetryAt() {
        return scheduleRetryAt;
    }

    String getScheduleError() {
        return scheduleError;
    }

    UUID getScheduledBy() {
        return scheduledBy;
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
