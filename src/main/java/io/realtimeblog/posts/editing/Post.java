package io.realtimeblog.posts.editing;

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
import org.springframework.data.domain.Persistable;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.posts.rendering.MarkdownRenderer;
import io.realtimeblog.users.Actor;

/**
 * A blog post. Its {@code version} grows by one on every change and is the optimistic lock. New until its first
 * save ({@link #isNew}): the public {@link #getVersion} reads 0 for an unsaved post, so Spring Data must not infer
 * newness from it.
 */
@Entity
@Table(name = "posts")
public class Post implements Persistable<UUID> {

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
        if (!List.copyOf(tags).equals(content.tags())) {
            // Touched only when they differ: clearing and refilling the same tags costs the flush a collection update.
            this.tags.clear();
            this.tags.addAll(content.tags());
        }
        this.updatedAt = now;
    }

    void publish(String publicSlug, Instant now) {
        publish(publicSlug, now, now);
    }

    /**
     * Publishes at {@code publicSlug} (its slug from now on, free among published posts); {@code firstPublication}
     * becomes {@code publishedAt} unless the post was published before.
     */
    public void publish(String publicSlug, Instant firstPublication, Instant now) {
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

    public void schedule(Instant at, UUID by, Instant now) {
        status = PostStatus.SCHEDULED;
        scheduledAt = at;
        updatedAt = now;
        clearScheduleState();
        scheduledBy = by;
    }

    /** The scheduler gave up on this post after {@code attempts} failures; it stays SCHEDULED. */
    public void markScheduleFailed(int attempts, String error, Instant now) {
        scheduleAttempts = attempts;
        scheduleFailed = true;
        scheduleRetryAt = null;
        scheduleError = error;
        updatedAt = now;
    }

    /** What publishing at {@code publicSlug} changes: the status, and the slug if another published post had it. */
    public List<String> publishChanges(String publicSlug) {
        return publicSlug.equals(slug) ? List.of("status") : List.of("status", "slug");
    }

    /** Whether the actor may see the post ({@link PostPermissions#canSee}): 404 for those who may not. */
    public boolean visibleTo(Actor actor) {
        return PostPermissions.canSee(actor, authorId, status);
    }

    /** Whether the actor may change the post's content ({@link PostPermissions#canEdit}). */
    public boolean editableBy(Actor actor) {
        return PostPermissions.canEdit(actor, authorId, status);
    }

    /** Whether the actor may publish, unpublish, schedule or delete the post ({@link PostPermissions#canPublish}). */
    public boolean publishableBy(Actor actor) {
        return PostPermissions.canPublish(actor, authorId, status);
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
    public FeatureImage getFeatureImage() {
        return featureImageId == null ? null : new FeatureImage(featureImageId, featureImageAlt);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public String getBody() {
        return body;
    }

    /** Whether {@link #getBodyHtml} was made by the renderer of this version ({@link MarkdownRenderer#VERSION}). */
    boolean renderedByCurrentRenderer() {
        return bodyHtmlVersion == MarkdownRenderer.VERSION;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public PostStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public int getScheduleAttempts() {
        return scheduleAttempts;
    }

    public boolean isScheduleFailed() {
        return scheduleFailed;
    }

    public Instant getScheduleRetryAt() {
        return scheduleRetryAt;
    }

    public String getScheduleError() {
        return scheduleError;
    }

    public UUID getScheduledBy() {
        return scheduledBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<String> getTags() {
        return List.copyOf(tags);
    }

    public long getVersion() {
        return version == null ? 0 : version;
    }

    /** Not saved yet: Spring Data persists it (rather than merging a copy). */
    @Override
    public boolean isNew() {
        return version == null;
    }
}
