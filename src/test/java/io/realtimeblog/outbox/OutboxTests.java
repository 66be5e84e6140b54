package io.realtimeblog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.posts.editing.PostDraft;
import io.realtimeblog.posts.editing.PostService;
import io.realtimeblog.posts.editing.PostView;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/** The outbox against the real database and broker: late commits, the relay lease, the purge. */
@IntegrationTest
class OutboxTests extends AbstractIntegrationTest {

    @Autowired
    PostService posts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxRelay relay;

    @Test
    void aTransactionThatCommitsAfterALaterOneIsStillPublished() throws Exception {
        TestAccounts.Staff staff = accounts.create(Role.EDITOR);
        Actor actor = new Actor(staff.id(), staff.name(), Role.EDITOR);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        AtomicReference<UUID> earlyId = new AtomicReference<>();
        CompletableFuture<PostView> early = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            PostView post = posts.create(actor, draft("Starts first, commits last"));
            earlyId.set(post.id());
            written.countDown();
            await(mayCommit);
            return post;
        }));
        await(written);
        PostView late = posts.create(actor, draft("Starts second, commits first"));
        Awaitility.await().until(() -> sent(late.id()));
        assertThat(sent(earlyId.get())).isFalse();

        mayCommit.countDown();
        early.get(10, TimeUnit.SECONDS);
        Awaitility.await().until(() -> sent(earlyId.get()));
    }

    @Test
    void oneLeaseHasOneHolderAtATime() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO outbox_lease (name, holder, expires_at) VALUES (?, '', ?)", name,
                Times.utc(Instant.parse("2000-01-01T00:00:00Z")));
        OutboxLease first = new OutboxLease(jdbc, Clock.systemUTC(), name, "first", Duration.ofSeconds(30));
        OutboxLease second = new OutboxLease(jdbc, Clock.systemUTC(), name, "second", Duration.ofSeconds(30));

        assertThat(first.hold()).isTrue();
        assertThat(second.hold()).isFalse();
        assertThat(first.hold()).isTrue();
        first.release();
        assertThat(second.hold()).isTrue();
        assertThat(first.hold()).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO outbox_lease (name, holder, expires_at) VALUES (?, '', ?)", name,
                Times.utc(Instant.parse("2000-01-01T00:00:00Z")));
        Clock now = Clock.systemUTC();
        OutboxLease crashed = new OutboxLease(jdbc, now, name, "crashed", Duration.ofSeconds(5));
        assertThat(crashed.hold()).isTrue();
        OutboxLease later = new OutboxLease(jdbc, Clock.offset(now, Duration.ofSeconds(6)), name, "survivor",
                Duration.ofSeconds(5));
        assertThat(later.hold()).isTrue();
    }

    @Test
    void thePurgeDeletesOnlyRowsSentBeforeTheCutoff() {
        Instant now = Instant.now();
        String oldSent = row(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        String recentSent = row(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)));
        String unsent = row(now.minus(Duration.ofDays(3)), null);
        try {
            relay.purgeSentBefore(now.minus(Duration.ofDays(1)));
            List<String> left = jdbc.queryForList("SELECT id FROM outbox_events WHERE id IN (?, ?, ?)", String.class,
                    oldSent, recentSent, unsent);
            assertThat(left).containsExactlyInAnyOrder(recentSent, unsent);
        } finally {
            jdbc.update("DELETE FROM outbox_events WHERE id IN (?, ?)", recentSent, unsent);
        }
    }

    /** A row as the writer would make it, for a post that does not exist (the relay must not see it unsent). */
    private String row(Instant created, Instant sent) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO outbox_events (id, post_id, event_type, post_version, payload, created_at, sent_at,"
                        + " attempts) VALUES (?, ?, 'blog-created', 0, '{}', ?, ?, 0)",
                id, UUID.randomUUID().toString(), Times.utc(created), sent == null ? null : Times.utc(sent));
        return id;
    }

    private boolean sent(UUID postId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ? AND sent_at IS NOT NULL",
                Long.class, postId.toString()) > 0;
    }

    private static PostDraft draft(String title) {
        return new PostDraft(title + " " + UUID.randomUUID(), null, null, "body", List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
