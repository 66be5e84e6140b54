package io.realtimeblog.posts.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostChanged;
import io.realtimeblog.posts.PostCreated;
import io.realtimeblog.posts.PostDeleted;
import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PostPublished;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.posts.PostUnpublished;
import io.realtimeblog.posts.PostUpdated;
import io.realtimeblog.posts.editing.PostRevision.Action;
import io.realtimeblog.posts.rendering.MarkdownRenderer;
import io.realtimeblog.users.Actor;

/**
 * Every change staff make to a post. Each write runs in one transaction that saves the post, records a revision
 * and publishes a {@link PostChanged} event ({@link PostWriter}), so that listeners in the same transaction (the
 * outbox) commit with it. A write names the version it started from; a stale one changes nothing and reports the
 * current post. Scheduling is {@code posts.scheduling}'s.
 */
@Service
public class PostService {

    private static final int SLUG_ATTEMPTS = 5;

    private final PostRepository posts;
    private final PostWriter writer;
    private final PostReader reader;
    private final MarkdownRenderer markdown;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final PostSlugs slugs;
    private final Clock clock;
    private final PostImages images;

    PostService(PostRepository posts, PostWriter writer, PostReader reader, MarkdownRenderer markdown,
            ApplicationEventPublisher events, TransactionTemplate transactions, PostSlugs slugs, Clock clock,
            PostImages images) {
        this.posts = posts;
        this.writer = writer;
        this.reader = reader;
        this.markdown = markdown;
        this.events = events;
        this.transactions = transactions;
        this.slugs = slugs;
        this.clock = clock;
        this.images = images;
    }

    /** Creates a draft; its slug is unique among the posts the actor may see ({@link PostSlugs}). */
    public PostView create(Actor actor, PostDraft draft) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            PersonRef by = PostWriter.person(actor);
            Post post = new Post(UUID.randomUUID(), actor.id(), now);
            PostContent content = draft.withSlug(slugs.forDraft(actor, draft, null));
            requireCoverExists(content.featureImage(), null);
            post.edit(content, markdown.render(content.body()), now);
            return writer.write(post, Action.CREATED, List.of("title", "slug", "excerpt", "body", "tags"), by, now,
                    snapshot -> new PostCreated(snapshot, by, now));
        });
    }

    public PostView update(Actor actor, UUID id, long expectedVersion, PostDraft draft) {
        return update(actor, id, expectedVersion, draft, false);
    }

    /**
     * An edit; {@code autosave} says the writer did not ask for it (the editor saved after a pause). It is the same
     * change with the same event, but its revision is grouped: see {@link PostWriter#autosave}.
     */
    public PostView update(Actor actor, UUID id, long expectedVersion, PostDraft draft, boolean autosave) {
        return writer.change(actor, id, expectedVersion, PostWriter::requireEdit, post -> {
            PostContent content = draft.withSlug(slugs.forDraft(actor, draft, post));
            if (draft.keepsFeatureImage()) {
                content = content.withFeatureImage(post.getFeatureImage());
            }
            return save(actor, post, content, autosave ? null : Action.UPDATED);
        });
    }

    public PostView restore(Actor actor, UUID id, UUID revisionId, long expectedVersion) {
        return writer.change(actor, id, expectedVersion, PostWriter::requireEdit, post -> {
            PostRevision revision = reader.loadRevision(actor, post, revisionId);
            PostContent content = withoutDeletedCover(revision.content());
            if (!content.slug().equals(post.getSlug())) {
                slugs.requireFree(actor, content.slug(), id);
            }
            return save(actor, post, content, Action.RESTORED);
        });
    }

    /**
     * Publishes at the post's slug, or (if another published post has it) at the first free {@code slug-N}; the
     * post's slug becomes that. Two publications racing for one public slug: the loser tries the next.
     */
    public PostView publish(Actor actor, UUID id, long expectedVersion) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.change(actor, id, expectedVersion, PostWriter::requirePublish, post -> {
                    if (post.getStatus() == PostStatus.PUBLISHED) {
                        throw PostProblems.invalidState("The post is already published.");
                    }
                    Instant now = clock.instant();
                    PersonRef by = PostWriter.person(actor);
                    String publicSlug = slugs.publicSlugFor(post);
                    List<String> changed = post.publishChanges(publicSlug);
                    post.publish(publicSlug, now);
                    return writer.write(post, Action.PUBLISHED, changed, by, now,
                            snapshot -> new PostPublished(snapshot, by, now));
                });
            } catch (DataIntegrityViolationException e) {
                if (attempt == SLUG_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Back to draft: a published post stops being visible, a scheduled one stops being scheduled. */
    public PostView unpublish(Actor actor, UUID id, long expectedVersion) {
        return writer.change(actor, id, expectedVersion, PostWriter::requirePublish, post -> {
            if (post.getStatus() == PostStatus.DRAFT) {
                throw PostProblems.invalidState("Only a published or scheduled post can be unpublished.");
            }
            Instant now = clock.instant();
            PersonRef by = PostWriter.person(actor);
            boolean wasPublic = post.getStatus() == PostStatus.PUBLISHED;
            post.unpublish(now);
            return writer.write(post, Action.UNPUBLISHED,
                    wasPublic ? List.of("status") : List.of("status", "scheduledAt"), by, now,
                    snapshot -> new PostUnpublished(snapshot, wasPublic, by, now));
        });
    }

    public void delete(Actor actor, UUID id, long expectedVersion) {
        writer.change(actor, id, expectedVersion, PostWriter::requirePublish, post -> {
            PostSnapshot last = reader.snapshot(post);
            posts.delete(post);
            posts.flush();
            events.publishEvent(new PostDeleted(id, last.version() + 1, last, PostWriter.person(actor), clock.instant()));
            return null;
        });
    }

    /** {@code action} null: an autosave ({@link PostWriter#autosave}). */
    private PostView save(Actor actor, Post post, PostContent content, Action action) {
        List<String> changed = changedFields(post.content(), content);
        requireCoverExists(content.featureImage(), post.getFeatureImage());
        Instant now = clock.instant();
        PersonRef by = PostWriter.person(actor);
        // The rendering depends only on the body and the renderer: an edit that leaves both alone keeps it.
        String bodyHtml = changed.contains("body") || !post.renderedByCurrentRenderer()
                ? markdown.render(content.body()) : post.getBodyHtml();
        post.edit(content, bodyHtml, now);
        try {
            return action == null
                    ? writer.autosave(post, changed, by, now, snapshot -> new PostUpdated(snapshot, by, now))
                    : writer.write(post, action, changed, by, now, snapshot -> new PostUpdated(snapshot, by, now));
        } catch (DataIntegrityViolationException e) {
            // A published post's new slug, taken by another publication since the check: as if the check saw it.
            throw PostProblems.slugTaken(content.slug());
        }
    }

    /**
     * A new cover must be an image of the library. The cover a post already has may stay even if its image was
     * deleted since (by force): an edit of the text must not fail for it.
     */
    private void requireCoverExists(FeatureImage cover, FeatureImage current) {
        if (cover != null && (current == null || !cover.mediaId().equals(current.mediaId()))
                && images.find(List.of(cover.mediaId())).isEmpty()) {
            throw PostProblems.unknownImage(cover.mediaId());
        }
    }

    /** A revision's content, less its cover if that image has been deleted since (restoring must not fail for it). */
    private PostContent withoutDeletedCover(PostContent content) {
        FeatureImage cover = content.featureImage();
        if (cover == null || !images.find(List.of(cover.mediaId())).isEmpty()) {
            return content;
        }
        return content.withFeatureImage(null);
    }

    private static List<String> changedFields(PostContent before, PostContent after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) {
            changed.add("title");
        }
        if (!Objects.equals(before.slug(), after.slug())) {
            changed.add("slug");
        }
        if (!Objects.equals(before.excerpt(), after.excerpt())) {
            changed.add("excerpt");
        }
        if (!Objects.equals(before.body(), after.body())) {
            changed.add("body");
        }
        if (!Objects.equals(before.tags(), after.tags())) {
            changed.add("tags");
        }
        if (!Objects.equals(before.featureImage(), after.featureImage())) {
            changed.add("featureImage");
        }
        return changed;
    }
}
