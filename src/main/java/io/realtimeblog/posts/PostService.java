package io.realtimeblog.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.posts.PostRevision.Action;
import io.realtimeblog.users.Actor;

/**
 * Every change to a post. Each write runs in one transaction that saves the post, records a revision and
 * publishes a {@link PostChanged} event, so that listeners in the same transaction (the outbox) commit with it.
 * A write names the version it started from; a stale one changes nothing and reports the current post.
 */
@Service
public class PostService {

    private static final int SLUG_ATTEMPTS = 5;

    /** The actor of the scheduler's changes (revisions and events): a fixed id no staff member has. */
    static final PersonRef SCHEDULER = new PersonRef(new UUID(0, 0), "Scheduler");

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final PostReader reader;
    private final MarkdownRenderer markdown;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PostService(PostRepository posts, PostRevisionRepository revisions, PostReader reader, MarkdownRenderer markdown,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.posts = posts;
        this.revisions = revisions;
        this.reader = reader;
        this.markdown = markdown;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public PostView create(Actor actor, PostDraft draft) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Instant now = clock.instant();
                    Post post = new Post(UUID.randomUUID(), actor.id(), now);
                    PostContent content = draft.withSlug(chooseSlug(draft, null));
                    post.edit(content, markdown.render(content.body()), now);
                    posts.saveAndFlush(post);
                    record(post, Action.CREATED, List.of("title", "slug", "excerpt", "body", "tags"), actor, now);
                    PostView view = reader.view(post);
                    events.publishEvent(new PostCreated(PostSnapshot.of(view), person(actor), now));
                    return view;
                });
            } catch (DataIntegrityViolationException e) {
                // Another transaction took the same slug between our check and our insert.
                if (draft.hasSlug()) {
                    throw PostProblems.slugTaken(draft.slug());
                }
                if (attempt == SLUG_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public PostView update(Actor actor, UUID id, long expectedVersion, PostDraft draft) {
        return change(actor, id, expectedVersion, PostService::requireEdit,
                post -> save(actor, post, draft.withSlug(chooseSlug(draft, post)), Action.UPDATED));
    }

    public PostView restore(Actor actor, UUID id, UUID revisionId, long expectedVersion) {
        return change(actor, id, expectedVersion, PostService::requireEdit, post -> {
            PostRevision revision = revisions.findByIdAndPostId(revisionId, id)
                    .orElseThrow(() -> PostProblems.revisionNotFound(revisionId));
            PostContent content = revision.content();
            if (posts.existsBySlugAndIdNot(content.slug(), id)) {
                throw PostProblems.slugTaken(content.slug());
            }
            return save(actor, post, content, Action.RESTORED);
        });
    }

    public PostView publish(Actor actor, UUID id, long expectedVersion) {
        return change(actor, id, expectedVersion, PostService::requirePublish, post -> {
            if (post.getStatus() == PostStatus.PUBLISHED) {
                throw PostProblems.invalidState("The post is already published.");
            }
            Instant now = clock.instant();
            post.publish(now);
            return saveStatus(actor, post, Action.PUBLISHED, now);
        });
    }

    /** Back to draft: a published post stops being visible, a scheduled one stops being scheduled. */
    public PostView unpublish(Actor actor, UUID id, long expectedVersion) {
        return change(actor, id, expectedVersion, PostService::requirePublish, post -> {
            if (post.getStatus() == PostStatus.DRAFT) {
                throw PostProblems.invalidState("Only a published or scheduled post can be unpublished.");
            }
            Instant now = clock.instant();
            boolean wasPublic = post.getStatus() == PostStatus.PUBLISHED;
            post.unpublish(now);
            posts.saveAndFlush(post);
            record(post, Action.UNPUBLISHED, wasPublic ? List.of("status") : List.of("status", "scheduledAt"),
                    actor, now);
            PostView view = reader.view(post);
            events.publishEvent(new PostUnpublished(PostSnapshot.of(view), wasPublic, person(actor), now));
            return view;
        });
    }

    /**
     * Schedules a draft (or reschedules a scheduled post) for publication at {@code at}, which must be in the
     * future; the {@link ScheduledPublisher} publishes it then. A published post cannot be scheduled.
     */
    public PostView schedule(Actor actor, UUID id, long expectedVersion, Instant at) {
        if (!at.isAfter(clock.instant())) {
            throw PostProblems.badSchedule("scheduledAt must be in the future; it was " + at + ".");
        }
        return change(actor, id, expectedVersion, PostService::requirePublish, post -> {
            if (post.getStatus() == PostStatus.PUBLISHED) {
                throw PostProblems.invalidState("A published post cannot be scheduled; unpublish it first.");
            }
            Instant now = clock.instant();
            post.schedule(at, now);
            posts.saveAndFlush(post);
            record(post, Action.SCHEDULED, List.of("status", "scheduledAt"), actor, now);
            PostView view = reader.view(post);
            events.publishEvent(new PostScheduled(PostSnapshot.of(view), person(actor), now));
            return view;
        });
    }

    /**
     * The scheduler's publish of a due post, the normal publish path as the {@link #SCHEDULER} actor: status
     * PUBLISHED, {@code publishedAt} the scheduled time (unless published before), a revision and a
     * {@link PostPublished} event, in one transaction. The claim is the optimistic lock: it only happens if the
     * post is still SCHEDULED at {@code expectedVersion}; an instance that loses the race (the version moved, or
     * its UPDATE ... WHERE version = ? touched no row) changes nothing and gets false.
     *
     * @return true if this call published the post, false if it was no longer due at that version
     */
    boolean publishScheduled(UUID id, long expectedVersion, Instant now) {
        try {
            Boolean published = transactions.execute(status -> {
                Post post = posts.findById(id).orElse(null);
                if (post == null || post.getStatus() != PostStatus.SCHEDULED || post.getVersion() != expectedVersion
                        || post.isScheduleFailed()) {
                    return false;
                }
                post.publish(post.getScheduledAt(), now);
                posts.saveAndFlush(post);
                revisions.save(new PostRevision(post, Action.PUBLISHED, List.of("status"), SCHEDULER.id(),
                        SCHEDULER.name(), now));
                PostView view = reader.view(post);
                events.publishEvent(new PostPublished(PostSnapshot.of(view), SCHEDULER, now));
                return true;
            });
            return Boolean.TRUE.equals(published);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
            // Another instance (or a staff member) changed the post first.
            return false;
        }
    }

    /**
     * Records a failed attempt and when to try again, if the post is still SCHEDULED at {@code expectedVersion}
     * with {@code attempts - 1} failures recorded (so two instances never count one round twice). Not a change
     * of the post's content: the version stays and no event is published.
     *
     * @return whether this call recorded it
     */
    boolean recordScheduleAttempt(UUID id, long expectedVersion, int attempts, String error, Instant retryAt) {
        Integer updated = transactions.execute(status -> posts.recordScheduleAttempt(id, expectedVersion,
                attempts - 1, attempts, error, retryAt));
        return updated != null && updated == 1;
    }

    /**
     * Marks a SCHEDULED post as failed after its last attempt: it stays SCHEDULED, shows the failure in its
     * view, and a {@link PostScheduleFailed} event tells staff. Only if it is still at {@code expectedVersion}.
     *
     * @return whether this call marked it
     */
    boolean markScheduleFailed(UUID id, long expectedVersion, int attempts, String error, Instant now) {
        try {
            Boolean marked = transactions.execute(status -> {
                Post post = posts.findById(id).orElse(null);
                if (post == null || post.getStatus() != PostStatus.SCHEDULED || post.getVersion() != expectedVersion
                        || post.isScheduleFailed()) {
                    return false;
                }
                post.markScheduleFailed(attempts, error, now);
                posts.saveAndFlush(post);
                revisions.save(new PostRevision(post, Action.SCHEDULE_FAILED, List.of("status"), SCHEDULER.id(),
                        SCHEDULER.name(), now));
                PostView view = reader.view(post);
                events.publishEvent(new PostScheduleFailed(PostSnapshot.of(view), attempts, error, SCHEDULER, now));
                return true;
            });
            return Boolean.TRUE.equals(marked);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
            return false;
        }
    }

    public void delete(Actor actor, UUID id, long expectedVersion) {
        change(actor, id, expectedVersion, PostService::requirePublish, post -> {
            PostSnapshot last = reader.snapshot(post);
            posts.delete(post);
            posts.flush();
            events.publishEvent(new PostDeleted(id, last.version() + 1, last, person(actor), clock.instant()));
            return null;
        });
    }

    /**
     * Loads the post (404 if the actor may not see it), checks the actor's permission (403), then the version
     * the client started from (409), and applies the change in one transaction. A concurrent commit that slips
     * in between (optimistic lock) gets the same stale-version answer.
     */
    private PostView change(Actor actor, UUID id, long expectedVersion, BiConsumer<Actor, Post> permission,
            Function<Post, PostView> work) {
        try {
            return transactions.execute(status -> {
                Post post = reader.loadVisible(actor, id);
                permission.accept(actor, post);
                if (post.getVersion() != expectedVersion) {
                    throw PostProblems.stale(expectedVersion, reader.view(post));
                }
                return work.apply(post);
            });
        } catch (ObjectOptimisticLockingFailureException e) {
            throw PostProblems.stale(expectedVersion, reader.view(id));
        }
    }

    private PostView save(Actor actor, Post post, PostContent content, Action action) {
        List<String> changed = changedFields(post.content(), content);
        Instant now = clock.instant();
        post.edit(content, markdown.render(content.body()), now);
        posts.saveAndFlush(post);
        record(post, action, changed, actor, now);
        PostView view = reader.view(post);
        events.publishEvent(new PostUpdated(PostSnapshot.of(view), person(actor), now));
        return view;
    }

    private PostView saveStatus(Actor actor, Post post, Action action, Instant now) {
        posts.saveAndFlush(post);
        record(post, action, List.of("status"), actor, now);
        PostView view = reader.view(post);
        PostSnapshot snapshot = PostSnapshot.of(view);
        events.publishEvent(new PostPublished(snapshot, person(actor), now));
        return view;
    }

    private String chooseSlug(PostDraft draft, Post existing) {
        UUID id = existing == null ? null : existing.getId();
        if (draft.hasSlug() && existing != null && draft.slug().equals(existing.getSlug())) {
            return draft.slug(); // the post's own slug: nothing to check (clients send it back on every save)
        }
        if (draft.hasSlug()) {
            boolean taken = id == null ? posts.existsBySlug(draft.slug()) : posts.existsBySlugAndIdNot(draft.slug(), id);
            if (taken) {
                throw PostProblems.slugTaken(draft.slug());
            }
            return draft.slug();
        }
        if (existing != null) {
            return existing.getSlug();
        }
        String base = Slugs.fromTitle(draft.title());
        return Slugs.firstFree(base, posts.findSlugsLike(base, base + "-%"));
    }

    private void record(Post post, Action action, List<String> changed, Actor actor, Instant now) {
        revisions.save(new PostRevision(post, action, changed, actor.id(), actor.name(), now));
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
        return changed;
    }

    private static void requireEdit(Actor actor, Post post) {
        if (!PostPermissions.canEdit(actor, post)) {
            throw PostProblems.forbidden(actor.role() + " may not edit this post.");
        }
    }

    private static void requirePublish(Actor actor, Post post) {
        if (!PostPermissions.canPublish(actor, post)) {
            throw PostProblems.forbidden(actor.role() + " may not publish, unpublish or delete this post.");
        }
    }

    private static PersonRef person(Actor actor) {
        return new PersonRef(actor.id(), actor.name());
    }
}
