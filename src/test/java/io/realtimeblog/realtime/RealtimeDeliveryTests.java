package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.kafka.EmbeddedKafkaBroker;
import io.realtimeblog.kafka.KafkaEndpoint;
import io.realtimeblog.posts.editing.PostDraft;
import io.realtimeblog.posts.editing.PostService;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** What the pipeline guarantees when things go wrong: rollbacks, broker outages, old positions, readers. */
@IntegrationTest
class RealtimeDeliveryTests extends AbstractIntegrationTest {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    PostService posts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RestPosts restPosts;

    Staff editor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void aChangeWhoseTransactionRollsBackProducesNoRecordAndNoFrame() throws Exception {
        TestSocket staff = sockets.joined(editor.token());
        String title = "Rolled back " + UUID.randomUUID();
        Actor actor = new Actor(editor.id(), editor.name(), Role.EDITOR);
        transactions.executeWithoutResult(status -> {
            posts.create(actor, new PostDraft(title, null, null, "never committed", List.of()));
            status.setRollbackOnly();
        });
        // A change committed afterwards arrives; by then the rolled-back one would have arrived too.
        String marker = restPosts.create(editor.token(), "After the rollback " + UUID.randomUUID()).get("id").asString();
        Awaitility.await().until(() -> staff.events().stream().anyMatch(f -> marker.equals(postId(f))));

        assertThat(staff.raw()).noneMatch(frame -> frame.contains(title));
        assertThat(TopicReader.readAll(kafka.clientConfig(), "blog-events"))
                .noneMatch(record -> record.value().contains(title));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE payload LIKE ?", Long.class,
                "%" + title + "%")).isZero();
        staff.close();
    }

    @Test
    void writesSucceedWhileTheBrokerIsDownAndEveryEventArrivesOnceItReturns() throws Exception {
        TestSocket staff = sockets.joined(editor.token());
        List<String> ids = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(restPosts.create(editor.token(), "Written during the outage " + i).get("id").asString());
            }
            JsonNode post = restPosts.create(editor.token(), "Edited during the outage");
            ids.add(post.get("id").asString());
            restPosts.publish(editor.token(), post.get("id").asString(), post.get("version").asLong());
        } finally {
            broker.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> staff.events().stream()
                .map(RealtimeDeliveryTests::postId).filter(ids::contains).count() == 7);
        List<String> eventIds = staff.events().stream().map(f -> f.get("event").get("eventId").asString()).toList();
        assertThat(eventIds).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE sent_at IS NULL", Long.class))
                .isZero();
        staff.close();
    }

    @Test
    void aResumeOlderThanMemoryIsServedFromKafkaAndOneOlderThanKafkaGetsResync() throws Exception {
        TestSocket staff = sockets.open();
        long since = staff.join(editor.token(), null).get("position").asLong();
        staff.close();
        // More changes than the instance keeps in memory (blog.realtime.recent-events is 50 in tests).
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            missed.add(restPosts.create(editor.token(), "Missed while away " + i).get("id").asString());
        }
        Awaitility.await().until(() -> sockets.position(editor.token()) >= since + missed.size());

        TestSocket resumed = sockets.open();
        JsonNode ready = resumed.join(editor.token(), since);
        assertThat(resumed.last("resync")).isNull();
        List<Long> positions = resumed.events().stream().map(f -> f.get("position").asLong()).toList();
        assertThat(positions).first().isEqualTo(since + 1);
        assertThat(positions).hasSize((int) (ready.get("position").asLong() - since)).isSorted();
        assertThat(resumed.events().stream().map(RealtimeDeliveryTests::postId).collect(Collectors.toSet()))
                .containsAll(missed);

        deleteRecordsBefore(since + 2);
        TestSocket tooOld = sockets.joined(editor.token(), since);
        assertThat(tooOld.last("resync").get("reason").asString()).isEqualTo("position-too-old");
        assertThat(tooOld.events()).isEmpty();
        resumed.close();
        tooOld.close();
    }

    @Test
    void readersHearNothingOfDraftsButSeePublicationEditsAndRemovals() throws Exception {
        TestSocket reader = sockets.joined(null);
        TestSocket staff = sockets.joined(editor.token());
        String hidden = "Hidden " + UUID.randomUUID();
        String token = editor.token();

        JsonNode draft = restPosts.create(token, hidden, "public-slug-" + UUID.randomUUID());
        String id = draft.get("id").asString();
        JsonNode v1 = restPosts.update(token, id, draft.get("version").asLong(), hidden + " second draft");
        JsonNode v2 = restPosts.update(token, id, v1.get("version").asLong(), "Public title");
        JsonNode v3 = restPosts.publish(token, id, v2.get("version").asLong());
        JsonNode v4 = restPosts.update(token, id, v3.get("version").asLong(), "Public edit");
        JsonNode v5 = restPosts.unpublish(token, id, v4.get("version").asLong());
        JsonNode v6 = restPosts.update(token, id, v5.get("version").asLong(), hidden + " while unpublished");
        JsonNode v7 = restPosts.update(token, id, v6.get("version").asLong(), "Public again");
        JsonNode v8 = restPosts.publish(token, id, v7.get("version").asLong());
        restPosts.delete(token, id, v8.get("version").asLong());
        JsonNode otherDraft = restPosts.create(token, hidden + " never published");
        restPosts.delete(token, otherDraft.get("id").asString(), otherDraft.get("version").asLong());

        Awaitility.await().until(() -> staff.events().stream()
                .anyMatch(f -> otherDraft.get("id").asString().equals(postId(f))
                        && "blog-deleted".equals(f.get("event").get("type").asString())));
        List<String> types = reader.events().stream().filter(f -> id.equals(postId(f)))
                .map(f -> f.get("event").get("type").asString()).toList();
        assertThat(types).containsExactly("blog-published", "blog-updated", "blog-unpublished", "blog-published",
                "blog-deleted");
        assertThat(reader.raw()).noneMatch(frame -> frame.contains("Hidden") || frame.contains("Secret body")
                || frame.contains(otherDraft.get("id").asString()) || frame.contains("\"actor\":{"));
        JsonNode removal = reader.events().stream().filter(f -> id.equals(postId(f)))
                .filter(f -> "blog-unpublished".equals(f.get("event").get("type").asString())).findFirst().get();
        assertThat(removal.get("event").get("post").isNull()).isTrue();
        assertThat(staff.raw()).anyMatch(frame -> frame.contains(hidden + " while unpublished"));
        reader.close();
        staff.close();
    }

    private void deleteRecordsBefore(long offset) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.deleteRecords(Map.of(new TopicPartition("blog-events", 0), RecordsToDelete.beforeOffset(offset)))
                    .all().get();
        }
    }

    private static String postId(JsonNode frame) {
        return frame.get("event").get("postId").asString();
    }
}
