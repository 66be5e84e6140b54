package io.realtimeblog.posts.editing;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.users.Actor;

/**
 * One saved state of a post: who saved it, when, what changed, and the content as it then was. Its id is made
 * here, so it says itself whether it is new ({@link #isNew}): else Spring Data's {@code save} would merge it and
 * read the row it is about to insert.
 */
@Entity
@Table(name = "post_revisions")
public class PostRevision implements Persistable<UUID> {

    /** What a save did. */
    public enum Action { CREATED, UPDATED, PUBLISHED, UNPUBLISHED, RESTORED, SCHEDULED, SCHEDULE_FAILED }

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

    /** When the autosaves grouped into this revision began; null for a revision made any other way. */
    private Instant autosaveSince;

    /** Whether this revision has a row yet: false once loaded or inserted. */
    @Transient
    private boolean unsaved = true;

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
        copy(post);
    }

    /** The first autosave of a group: a revision like any other that later autosaves may fold into. */
    static PostRevision autosave(Post post, List<String> changedFields, UUID editorId, String editorName,
            Instant now) {
        PostRevision revision = new PostRevision(post, Action.UPDATED, changedFields, editorId, editorName, now);
        revision.autosaveSince = now;
        return revision;
    }

    /**
     * Whether an autosave by {@code editorId} at {@code now} goes into this revision: it is the group's revision
     * (started by an autosave of the same person) and the group began less than {@code window} ago.
     */
    boolean takesAutosave(UUID editorId, Instant now, Duration window) {
        return autosaveSince != null && editorId.equals(this.editorId)
                && now.isBefore(autosaveSince.plus(window));
    }

    /** Folds one more autosave in: the post's new version and content, and every field changed in the group. */
    void absorb(Post post, List<String> changed, Instant now) {
        Set<String> all = new LinkedHashSet<>(changedFieldList());
        all.addAll(changed);
        this.changedFields = String.join(",", all);
        this.postVersion = post.getVersion();
        this.createdAt = now;
        copy(post);
    }

    private void copy(Post post) {
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

    /**
     * Whether the actor may read this revision of {@code post}: a revision is the post as one save left it, so
     * others may read it only if that state was published; its drafts only those who see the post's drafts
     * (ADMIN, EDITOR and the post's author).
     */
    boolean readableBy(Actor actor, Post post) {
        return PostPermissions.seesEverything(actor) || actor.id().equals(post.getAuthorId())
                || status == PostStatus.PUBLISHED;
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

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostLoad
    @PostPersist
    void saved() {
        unsaved = false;
    }
}
