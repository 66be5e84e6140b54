package io.realtimeblog.posts.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostPublished;
import io.realtimeblog.posts.PostScheduleFailed;
import io.realtimeblog.posts.PostScheduled;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.posts.editing.Post;
import io.realtimeblog.posts.editing.PostProblems;
import io.realtimeblog.posts.editing.PostRepository;
import io.realtimeblog.posts.editing.PostRevision.Action;
import io.realtimeblog.posts.editing.PostSlugs;
import io.realtimeblog.posts.editing.PostView;
import io.realtimeblog.posts.editing.PostWriter;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.StaffDirectory;

/**
 * Scheduled publication: staff schedule a post ({@link #schedule}); the {@link ScheduledPublisher} publishes it
 * when its time comes, as the {@link #SCHEDULER} actor, or records why it could not. Every change is written
 * like a staff edit ({@link PostWriter}): one transaction, a revision and a {@code PostChanged} event.
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    /** The actor of the scheduler's changes (revisions and events): a fixed id no staff member has. */
    static final PersonRef SCHEDULER = new PersonRef(new UUID(0, 0), "Scheduler");

    private final PostWriter writer;
    private final PostRepository posts;
    private final PostSlugs slugs;
    private final StaffDirectory staff;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduleWindow window;

    ScheduleService(PostWriter writer, PostRepository posts, PostSlugs slugs, StaffDirectory staff,
            TransactionTemplate transactions, Clock clock, ScheduleProperties schedule) {
        this.writer = writer;
        this.posts = posts;
        this.slugs = slugs;
        this.staff = staff;
        this.transactions = transactions;
        this.clock = clock;
        this.window = new ScheduleWindow(schedule.scheduleHorizon());
    }

    /**
     * Schedules a draft (or reschedules a scheduled post) for publication at {@code at}, which must be in the
     * future and at most {@code blog.posts.schedule-horizon} ahead; the {@link ScheduledPublisher} publishes it
     * then. A published post cannot be scheduled.
     */
    public PostView schedule(Actor actor, UUID id, long expectedVersion, Instant at) {
        window.check(at, clock.instant());
        return writer.change(actor, id, expectedVersion, PostWriter::requirePublish, post -> {
            if (post.getStatus() == PostStatus.PUBLISHED) {
                throw PostProblems.invalidState("A published post cannot be scheduled; unpublish it first.");
            }
            Instant now = clock.instant();
            PersonRef by = PostWriter.person(actor);
            post.schedule(at, actor.id(), now);
            return writer.write(post, Action.SCHEDULED, List.of("status", "scheduledAt"), by, now,
                    snapshot -> new PostScheduled(snapshot, by, now));
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
        return claim(id, expectedVersion, post -> {
            String refusal = schedulerRefusal(post);
            if (refusal != null) {
                failSchedule(post, post.getScheduleAttempts(), refusal, now);
                log.warn("Did not publish scheduled post {}: {}", id, refusal);
                return false;
            }
            String publicSlug = slugs.publicSlugFor(post);
            List<String> changed = post.publishChanges(publicSlug);
            post.publish(publicSlug, post.getScheduledAt(), now);
            writer.write(post, Action.PUBLISHED, changed, SCHEDULER, now,
                    snapshot -> new PostPublished(snapshot, SCHEDULER, now));
            return true;
        });
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
        return claim(id, expectedVersion, post -> {
            failSchedule(post, attempts, error, now);
            return true;
        });
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
                if (user.isEmpty() || !post.publishableBy(user.get())) {
                    failSchedule(post, post.getScheduleAttempts(), refusal(user.orElse(null)), now);
                    count++;
                }
            }
            return count;
        });
        return flagged == null ? 0 : flagged;
    }

    /** A step of the scheduler on one post. */
    @FunctionalInterface
    private interface Step {
        boolean apply(Post post);
    }

    /**
     * Runs {@code step} in one transaction on the post if it is still SCHEDULED at {@code expectedVersion} and not
     * given up on; false (and nothing changed) if it is not, or if another instance or a staff member changed it
     * first.
     */
    private boolean claim(UUID id, long expectedVersion, Step step) {
        try {
            Boolean done = transactions.execute(status -> {
                Post post = posts.findById(id).orElse(null);
                if (post == null || post.getStatus() != PostStatus.SCHEDULED || post.getVersion() != expectedVersion
                        || post.isScheduleFailed()) {
                    return false;
                }
                return step.apply(post);
            });
            return Boolean.TRUE.equals(done);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
            // Another instance (or a staff member) changed the post first.
            return false;
        }
    }

    /** Why the post's scheduler may not publish it now, or null if they may. */
    private String schedulerRefusal(Post post) {
        if (post.getScheduledBy() == null) {
            return refusal(null);
        }
        Actor scheduler = staff.findActiveActor(post.getScheduledBy()).orElse(null);
        return scheduler != null && post.publishableBy(scheduler) ? null : refusal(scheduler);
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
        writer.write(post, Action.SCHEDULE_FAILED, List.of("status"), SCHEDULER, now,
                snapshot -> new PostScheduleFailed(snapshot, attempts, error, SCHEDULER, now));
    }
}
