package io.realtimeblog.posts.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.MutableClock;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.posts.scheduling.ScheduledPublisher.PublishStep;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler, constructed here with a test clock (and, where a test needs it, its own publish step) against
 * the application's database. Posts are scheduled an hour ahead of the real time, so the application's own
 * scheduler (on the real clock) never touches them; each instance here only handles its test's post.
 */
@IntegrationTest
class ScheduledPublisherTests extends AbstractIntegrationTest {

    private static final Duration BACKOFF = Duration.ofSeconds(10);

    @Autowired
    ScheduleService service;

    String editor;
    final List<UUID> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    /**
     * The test clock publishes posts dated an hour ahead: delete them, or they would lead the public home page
     * that other test classes read in the shared context.
     */
    @AfterEach
    void deleteTheTestsPosts() throws Exception {
        for (UUID id : created) {
            Answer current = api.get(editor, id.toString());
            assertThat(api.delete(editor, id.toString(), current.version()).status()).isEqualTo(204);
        }
    }

    /** A post scheduled about an hour from now; returns its id and scheduled time. */
    private Scheduled schedulePost(String title) throws Exception {
        Answer draft = api.create(editor, title + " " + UUID.randomUUID());
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Answer scheduled = api.schedule(editor, draft.id(), draft.version(), at);
        assertThat(scheduled.status()).isEqualTo(200);
        created.add(UUID.fromString(draft.id()));
        return new Scheduled(UUID.fromString(draft.id()), at);
    }

    private record Scheduled(UUID id, Instant at) {
    }

    private ScheduledPublisher scheduler(MutableClock clock, PublishStep step, int maxAttempts, Duration poll) {
        return new ScheduledPublisher(jdbc, service, step,
                new ScheduleProperties(poll, maxAttempts, BACKOFF, Duration.ofMinutes(1), 100), clock);
    }

    /** The real publish, for this post only (other tests' posts are skipped). */
    private PublishStep realStepFor(UUID id) {
        return (post, now) -> post.id().equals(id) && service.publishScheduled(post.id(), post.version(), now);
    }

    private JsonNode post(UUID id) throws Exception {
        return api.get(editor, id.toString()).body();
    }

    private long outboxEvents(UUID id, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ? AND event_type = ?",
                Long.class, id.toString(), type);
    }

    private List<Map<String, Object>> publishRevisions(UUID id) {
        return jdbc.queryForList("SELECT editor_name, editor_id FROM post_revisions WHERE post_id = ? AND action = ?",
                id.toString(), "PUBLISHED");
    }

    private int attempts(UUID id) {
        return jdbc.queryForObject("SELECT schedule_attempts FROM posts WHERE id = ?", Integer.class, id.toString());
    }

    @Test
    void aScheduledPostIsNotPublishedBeforeItsTimeAndPublishedOnceAfter() throws Exception {
        Scheduled scheduled = schedulePost("On time");
        MutableClock clock = new MutableClock(scheduled.at().minusSeconds(1));
        ScheduledPublisher scheduler = scheduler(clock, realStepFor(scheduled.id()), 5, Duration.ofHours(1));

        scheduler.runOnce();
        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isZero();

        clock.set(scheduled.at());
        scheduler.runOnce();
        scheduler.runOnce();
        clock.advance(Duration.ofMinutes(5));
        scheduler.runOnce();

        JsonNode post = post(scheduled.id());
        assertThat(post.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(Instant.parse(post.get("publishedAt").asString())).isEqualTo(scheduled.at());
        assertThat(post.get("scheduledAt").isNull()).isTrue();
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isEqualTo(1);
        List<Map<String, Object>> revisions = publishRevisions(scheduled.id());
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).get("editor_name")).isEqualTo("Scheduler");
        assertThat(revisions.get(0).get("editor_id")).isEqualTo(new UUID(0, 0).toString());
    }

    @Test
    void twoInstancesClaimingTheSameDuePostPublishItExactlyOnce() throws Exception {
        Scheduled scheduled = schedulePost("Contended");
        MutableClock clock = new MutableClock(scheduled.at().plusSeconds(1));
        // Both instances have found the post due at the same version before either publishes it.
        CyclicBarrier bothFoundIt = new CyclicBarrier(2);
        ConcurrentLinkedQueue<Boolean> outcomes = new ConcurrentLinkedQueue<>();
        PublishStep step = (post, now) -> {
            if (!post.id().equals(scheduled.id())) {
                return false;
            }
            try {
                bothFoundIt.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            boolean published = service.publishScheduled(post.id(), post.version(), now);
            outcomes.add(published);
            return published;
        };
        ScheduledPublisher first = scheduler(clock, step, 5, Duration.ofHours(1));
        ScheduledPublisher second = scheduler(clock, step, 5, Duration.ofHours(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(first::runOnce);
            Future<Integer> b = pool.submit(second::runOnce);
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isEqualTo(1);
        assertThat(publishRevisions(scheduled.id())).hasSize(1);
        // The loser recorded no failure either.
        assertThat(attempts(scheduled.id())).isZero();
        assertThat(post(scheduled.id()).get("scheduleError").isNull()).isTrue();
    }

    @Test
    void aPostWhoseTimePassedWhileNoInstanceRanIsPublishedAtStart() throws Exception {
        Scheduled scheduled = schedulePost("Past due");
        // The instance starts a day after the scheduled time; its next poll would be an hour later, so only
        // the start-up round can publish the post within the wait.
        MutableClock clock = new MutableClock(scheduled.at().plus(1, ChronoUnit.DAYS));
        ScheduledPublisher scheduler = scheduler(clock, realStepFor(scheduled.id()), 5, Duration.ofHours(1));

        scheduler.start();
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "PUBLISHED".equals(post(scheduled.id()).get("status").asString()));
        } finally {
            scheduler.stop();
        }

        assertThat(Instant.parse(post(scheduled.id()).get("publishedAt").asString())).isEqualTo(scheduled.at());
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isEqualTo(1);
    }

    @Test
    void aFailingPublishIsRetriedWithBackOffThenMarkedFailedAndAnnounced() throws Exception {
        Scheduled scheduled = schedulePost("Failing");
        AtomicInteger calls = new AtomicInteger();
        PublishStep failing = (post, now) -> {
            if (!post.id().equals(scheduled.id())) {
                return false;
            }
            calls.incrementAndGet();
            throw new IllegalStateException("search index unavailable");
        };
        MutableClock clock = new MutableClock(scheduled.at().plusSeconds(1));
        ScheduledPublisher scheduler = scheduler(clock, failing, 3, Duration.ofHours(1));

        scheduler.runOnce();
        JsonNode afterFirst = post(scheduled.id());
        assertThat(afterFirst.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(afterFirst.get("scheduleFailed").asBoolean()).isFalse();
        assertThat(afterFirst.get("scheduleError").asString()).contains("search index unavailable");
        assertThat(attempts(scheduled.id())).isEqualTo(1);

        scheduler.runOnce(); // within the back-off: no attempt
        assertThat(calls).hasValue(1);

        clock.advance(BACKOFF);
        scheduler.runOnce(); // second attempt; the next waits twice as long
        assertThat(calls).hasValue(2);
        clock.advance(BACKOFF);
        scheduler.runOnce();
        assertThat(calls).hasValue(2);
        clock.advance(BACKOFF);
        scheduler.runOnce(); // third and last attempt
        assertThat(calls).hasValue(3);

        JsonNode failed = post(scheduled.id());
        assertThat(failed.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(failed.get("scheduleFailed").asBoolean()).isTrue();
        assertThat(failed.get("scheduleError").asString()).contains("search index unavailable");
        assertThat(outboxEvents(scheduled.id(), "blog-schedule-failed")).isEqualTo(1);
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isZero();
        String payload = jdbc.queryForObject(
                "SELECT payload FROM outbox_events WHERE post_id = ? AND event_type = 'blog-schedule-failed'",
                String.class, scheduled.id().toString());
        assertThat(json.readTree(payload).get("wasPublic").asBoolean()).isFalse();

        clock.advance(Duration.ofHours(1));
        scheduler.runOnce(); // given up: no more attempts
        assertThat(calls).hasValue(3);

        // Staff can act on it: scheduling it again clears the failure.
        Answer rescheduled = api.schedule(editor, scheduled.id().toString(), failed.get("version").asLong(),
                Instant.now().plus(2, ChronoUnit.HOURS));
        assertThat(rescheduled.body().get("scheduleFailed").asBoolean()).isFalse();
        assertThat(rescheduled.body().get("scheduleError").isNull()).isTrue();
    }

    @Test
    void aPublishThatFailsOnceIsPublishedOnTheRetry() throws Exception {
        Scheduled scheduled = schedulePost("Flaky");
        AtomicInteger calls = new AtomicInteger();
        PublishStep real = realStepFor(scheduled.id());
        PublishStep flaky = (post, now) -> {
            if (post.id().equals(scheduled.id()) && calls.incrementAndGet() == 1) {
                throw new IllegalStateException("transient failure");
            }
            return real.publish(post, now);
        };
        MutableClock clock = new MutableClock(scheduled.at().plusSeconds(1));
        ScheduledPublisher scheduler = scheduler(clock, flaky, 5, Duration.ofHours(1));

        scheduler.runOnce();
        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("SCHEDULED");
        clock.advance(BACKOFF);
        scheduler.runOnce();

        JsonNode post = post(scheduled.id());
        assertThat(post.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(post.get("scheduleError").isNull()).isTrue();
        assertThat(outboxEvents(scheduled.id(), "blog-published")).isEqualTo(1);
    }
}
