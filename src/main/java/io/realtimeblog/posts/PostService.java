package io.realtimeblog.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.posts.PostRevision.Action;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.StaffDirectory;

/**
 * Every change to a post. Each write runs in one transaction that saves the post, records a revision and
 * publishes a {@link PostChanged} event, so that listeners in the same transaction (the outbox) commit with it.
 * A write names the version it started from; a stale one changes nothing and reports the current post.
 */
@Service
public class PostService {

    private static final Logger log = LoggerFactory.getLogger(PostService.class);
    private static final int SLUG_ATTEMPTS = 5;

    /** The actor of the scheduler's changes (revisions and events): a fixed id no staff member has. */
    static final PersonRef SCHEDULER = new PersonRef(new UUID(0, 0), "Scheduler");

    private final PostRepository posts;
    private final PostRevisionRepository revisions;
    private final PostReader reader;
    private final MarkdownRenderer markdown;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final StaffDirectory staff;
    private final PostSlugs slugs;
    private final Clock clock;
    private final ScheduleWindow scheduleWindow;
    private final PostImages images;
    private final Duration autosaveWindow;

    PostService(PostRepository posts, PostRevisionRepository revisions, PostReader reader, MarkdownRenderer markdown,
            ApplicationEventPublisher events, TransactionTemplate transactions, StaffDirectory staff, PostSlugs slugs,
            Clock clock, ScheduleProperties schedule, PostImages images, RevisionProperties revisionSettings) {
        this.posts = posts;
        this.revisions = revisions;
        this.reader = reader;
        this.markdown = markdown;
        this.events = events;
        this.transactions = transactions;
        this.staff = staff;
        this.slugs = slugs;
        this.clock = clock;
        this.scheduleWindow = new ScheduleWindow(schedule.scheduleHorizon());
        this.images = images;
        this.autosaveWindow = revisionSettings.autosaveWindow();
    }

    /** Creates a draft; its slug is unique among the posts the actor may see ({@link PostSlugs}). */
    public PostView create(Actor actor, PostDraft draft) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Post post = new Post(UUID.randomUUID(), actor.id(), now);
            PostContent content = draft.withSlug(slugs.forDraft(actor, draft, null));
            requireCoverExists(content.featureImage(), null);
            post.edit(content, markdown.render(content.body()), now);
            posts.saveAndFlush(post);
            record(post, Action.CREATED, List.of("title", "slug", "excerpt", "body", "tags"), actor, now);
            PostView view = reader.view(post);
            events.publishEvent(new PostCreated(PostSnapshot.of(view), person(actor), now));
            return view;
        });
    }

    public PostView update(Actor actor, UUID id, long expectedVersion, PostDraft draft) {
        return update(actor, id, expectedVersion, draft, false);
    }

    /**
     * An edit; {@code autosave} says the writer did not ask for it (the editor saved after a pause). It is the same
     * change with the same event, but its revision is grouped: see {@link #recordAutosave}.
     */
    public PostView update(Actor actor, UUID id, long expectedVersion, PostDraft draft, boolean autosave) {
        return change(actor, id, expectedVersion, PostService::requireEdit, post -> {
            PostContent content = draft.withSlug(slugs.forDraft(actor, draft, post));
            if (draft.keepsFeatureImage()) {
                content = content.withFeatureImage(post.getFeatureImage());
            }
            return save(actor, post, content, autosave ? null : Action.UPDATED);
        });
    }

    public PostView restore(Actor actor, UUID id, UUID revisionId, long expectedVersion) {
        return change(actor, id, expectedVersion, PostService::requireEdit, post -> {
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
                return change(actor, id, expectedVersion, PostService::requirePublish, post -> {
                    if (post.getStatus() == PostStatus.PUBLISHED) {
                        throw PostProblems.invalidState("The post is already published.");
                    }
                    Instant now = clock.instant();
                    String publicSlug = slugs.publicSlugFor(post);
                    List<String> changed = publishedFields(post, publicSlug);
                    post.publish(publicSlug, now);
                    return saveStatus(actor, post, changed, now);
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
     * future and at most {@code blog.posts.schedule-horizon} ahead; the {@link ScheduledPublisher} publishes it
     * then. A published post cannot be scheduled.
     */
    public PostView schedule(Actor actor, UUID id, long expectedVersion, Instant at) {
        scheduleWindow.check(at, clock.instant());
        return change(actor, id, expectedVersion, PostService::requirePublish, post -> {
            if (post.getStatus() == PostStatus.PUBLISHED) {
                throw PostProblems.invalidState("A published post cannot be scheduled; unpublish it first.");
            }
            Instant now = clock.instant();
            post.schedule(at, actor.id(), now);
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
     * <p>
     * The user who scheduled the post must still be allowed to publish it, now: enabled, and with a role that
     * may publish this post. If not, the post is not published; the schedule is marked failed at once (no retry
     * could change that) with the reason, and a {@link PostScheduleFailed} event tells staff.
     *
     * @return true if this call published the post, false if it was no longer due at that version or its
     *         scheduler may no longer publish it
     */
    boolean publishScheduled(UUID id, long expectedVersion, Instant now) {
        try {
            Boolean published = transactions.execute(status -> {
                Post post = posts.findById(id).orElse(null);
                if (post == null || post.getStatus() != PostStatus.SCHEDULED || post.getVersion() != expectedVersion
                        || post.isScheduleFailed()) {
                    return false;
                }
                String refusal = schedulerRefusal(post);
                if (refusal != null) {
                    failSchedule(post, post.getScheduleAttempts(), refusal, now);
                    log.warn("Did not publish scheduled post {}: {}", id, refusal);
                    return false;
                }
                String publicSlug = slugs.publicSlugFor(post);
                List<String> changed = publishedFields(post, publicSlug);
                post.publish(publicSlug, post.getScheduledAt(), now);
                posts.saveAndFlush(post);
                revisions.save(new PostRevision(post, Action.PUBLISHED, changed, SCHEDULER.id(),
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
                failSchedule(post, attempts, error, now);
                return true;
            });
            return Boolean.TRUE.equals(marked);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
            return false;
        }
    }

    /**
     * A staff member was disabled ({@code user} empty) or their role changed ({@code user} as they are now): marks
     * failed, with the reason, every pending schedule they made of a post they may no longer publish. Runs in the
     * caller's transaction, so the account change and the flags commit together. The publish-time check of
     * {@link #publishScheduled} stays the rule; this makes the consequence visible at once.
     *
     * @return how many schedules were flagged
     */
    int flagSchedulesOf(UUID userId, Optional<Actor> user) {
        Integer flagged = transactions.execute(status -> {
            Instant now = clock.instant();
            int count = 0;
            for (Post post : posts.findPendingSchedulesBy(userId)) {
                if (user.isEmpty() || !PostPermissions.canPublish(user.get(), post)) {
                    failSchedule(post, post.getScheduleAttempts(), refusal(user.orElse(null)), now);
                    count++;
                }
            }
            return count;
        });
        return flagged == null ? 0 : flagged;
    }

    /** Why the post's scheduler may not publish it now, or null if they may. */
    private String schedulerRefusal(Post post) {
        if (post.getScheduledBy() == null) {
            return refusal(null);
        }
        Actor scheduler = staff.findActiveActor(post.getScheduledBy()).orElse(null);
        return scheduler != null && PostPermissions.canPublish(scheduler, post) ? null : refusal(scheduler);
    }

    private static String refusal(Actor scheduler) {
        return scheduler == null
                ? "Not published: the user who scheduled it is disabled or no longer exists."
                : "Not published: the user who scheduled it (" + scheduler.name() + ", now " + scheduler.role()
                        + ") may no longer publish this post.";
    }

    /** The failed-schedule state, its revision and its event. */
    private void failSchedule(Post post, int attempts, String error, Instant now) {
        post.markScheduleFailed(attempts, error, now);
        posts.saveAndFlush(post);
        revisions.save(new PostRevision(post, Action.SCHEDULE_FAILED, List.of("status"), SCHEDULER.id(),
                SCHEDULER.name(), now));
        PostView view = reader.view(post);
        events.publishEvent(new PostScheduleFailed(PostSnapshot.of(view), attempts, error, SCHEDULER, now));
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

    /** {@code action} null: an autosave ({@link #recordAutosave}). */
    private PostView save(Actor actor, Post post, PostContent content, Action action) {
        List<String> changed = changedFields(post.content(), content);
        requireCoverExists(content.featureImage(), post.getFeatureImage());
        Instant now = clock.instant();
        post.edit(content, markdown.render(content.body()), now);
        try {
            posts.saveAndFlush(post);
        } catch (DataIntegrityViolationException e) {
            // A published post's new slug, taken by another publication since the check: as if the check saw it.
            throw PostProblems.slugTaken(content.slug());
        }
        if (action == null) {
            recordAutosave(post, changed, actor, now);
        } else {
            record(post, action, changed, actor, now);
        }
        PostView view = reader.view(post);
        events.publishEvent(new PostUpdated(PostSnapshot.of(view), person(actor), now));
        return view;
    }

    private PostView saveStatus(Actor actor, Post post, List<String> changed, Instant now) {
        posts.saveAndFlush(post);
        record(post, Action.PUBLISHED, changed, actor, now);
        PostView view = reader.view(post);
        PostSnapshot snapshot = PostSnapshot.of(view);
        events.publishEvent(new PostPublished(snapshot, person(actor), now));
        return view;
    }

    private void record(Post post, Action action, List<String> changed, Actor actor, Instant now) {
        revisions.save(new PostRevision(post, action, changed, actor.id(), actor.name(), now));
    }

    /**
     * Autosaves do not flood the history: one revision per author per {@code blog.posts.revisions.autosave-window}.
     * The first autosave after any other revision (or someone else's, or after the window) starts a revision; the
     * following ones update it to the latest version and content. Explicit saves always add a revision.
     */
    private void recordAutosave(Post post, List<String> changed, Actor actor, Instant now) {
        Optional<PostRevision> latest = revisions.findFirstByPostIdOrderByPostVersionDesc(post.getId())
                .filter(revision -> revision.takesAutosave(actor.id(), now, autosaveWindow));
        if (latest.isPresent()) {
            latest.get().absorb(post, changed, now);
        } else {
            revisions.save(PostRevision.autosave(post, changed, actor.id(), actor.name(), now));
        }
    }

    /** What a publication changes: the status, and the slug if another published post had it. */
    private static List<String> publishedFields(Post post, String publicSlug) {
        return publicSlug.equals(post.getSlug()) ? List.of("status") : List.of("status", "slug");
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
