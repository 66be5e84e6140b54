package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.kafka.KafkaEndpoint;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** The path of one change, end to end: REST write, outbox, the real embedded broker, a real WebSocket client. */
@IntegrationTest
class RealtimePipelineTests extends AbstractIntegrationTest {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    RestPosts posts;

    String editor;
    TestSocket staff;

    @BeforeEach
    void setUp() throws Exception {
        editor = accounts.tokenFor(Role.EDITOR);
        staff = sockets.joined(editor);
    }

    @AfterEach
    void tearDown() {
        staff.close();
    }

    @Test
    void eachRestOperationProducesExactlyOneRecordAndOneStaffFrameInVersionOrder() throws Exception {
        JsonNode created = posts.create(editor, "Pipeline " + UUID.randomUUID());
        String id = created.get("id").asString();
        JsonNode updated = posts.update(editor, id, created.get("version").asLong(), "Pipeline edited");
        JsonNode published = posts.publish(editor, id, updated.get("version").asLong());
        JsonNode unpublished = posts.unpublish(editor, id, published.get("version").asLong());
        posts.delete(editor, id, unpublished.get("version").asLong());

        List<String> expected = List.of("blog-created", "blog-updated", "blog-published", "blog-unpublished",
                "blog-deleted");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> framesFor(staff, id).size() == 5);
        List<JsonNode> frames = framesFor(staff, id);
        assertThat(frames).extracting(f -> f.get("event").get("type").asString()).isEqualTo(expected);
        assertThat(frames).extracting(f -> f.get("event").get("version").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(frames).extracting(f -> f.get("position").asLong()).isSorted().doesNotHaveDuplicates();

        List<TopicReader.Record> records = TopicReader.readAll(bootstrap(), "blog-events").stream()
                .filter(r -> id.equals(r.key())).toList();
        assertThat(records).extracting(TopicReader.Record::eventType).isEqualTo(expected);
        JsonNode first = json.readTree(records.get(0).value());
        assertThat(first.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(first.get("eventId").asString()).isNotBlank();
        assertThat(first.get("actor").get("name").asString()).isNotBlank();
        assertThat(first.get("post").get("title").asString()).startsWith("Pipeline");
        assertThat(json.readTree(records.get(4).value()).get("post").isNull()).isTrue();
        assertThat(frames).extracting(f -> f.get("position").asLong())
                .isEqualTo(records.stream().map(TopicReader.Record::offset).toList());
    }

    @Test
    void aClientThatReconnectsWithSinceGetsExactlyTheMissedEvents() throws Exception {
        JsonNode before = posts.create(editor, "Before the drop " + UUID.randomUUID());
        Awaitility.await().until(() -> !framesFor(staff, before.get("id").asString()).isEmpty());
        long position = staff.events().get(staff.events().size() - 1).get("position").asLong();
        // A second client, connected throughout, tells us when the missed events have gone through Kafka.
        TestSocket watcher = sockets.joined(editor);
        staff.close();

        List<String> missed = List.of(posts.create(editor, "Missed one " + UUID.randomUUID()).get("id").asString(),
                posts.create(editor, "Missed two " + UUID.randomUUID()).get("id").asString());
        Awaitility.await().until(() -> watcher.events().stream()
                .anyMatch(f -> missed.get(1).equals(f.get("event").get("postId").asString())));

        TestSocket resumed = sockets.open();
        JsonNode ready = resumed.join(editor, position);
        List<JsonNode> replayed = resumed.events();
        assertThat(replayed).extracting(f -> f.get("position").asLong()).allMatch(p -> p > position)
                .allMatch(p -> p <= ready.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(replayed).extracting(f -> f.get("event").get("postId").asString()).containsAll(missed);
        assertThat(replayed.get(0).get("position").asLong()).isEqualTo(position + 1);
        assertThat(replayed).hasSize((int) (ready.get("position").asLong() - position));
        assertThat(replayed.get(replayed.size() - 1).get("position").asLong()).isEqualTo(ready.get("position").asLong());
        resumed.close();
        watcher.close();
    }

    @Test
    void aPositionFromAnotherStreamEpochGetsResync() {
        TestSocket socket = sockets.open();
        socket.send("{\"type\":\"hello\",\"token\":\"" + editor + "\",\"since\":0,\"epoch\":\"not-this-stream\"}");
        socket.await("ready");
        assertThat(socket.last("resync").get("reason").asString()).isEqualTo("unknown-epoch");
        assertThat(socket.events()).isEmpty();
        socket.close();
    }

    @Test
    void aPositionAheadOfTheStreamGetsResync() {
        TestSocket socket = sockets.joined(editor, Long.MAX_VALUE / 2);
        assertThat(socket.last("resync").get("reason").asString()).isEqualTo("position-ahead");
        socket.close();
    }

    private static List<JsonNode> framesFor(TestSocket socket, String postId) {
        return socket.events().stream().filter(f -> postId.equals(f.get("event").get("postId").asString())).toList();
    }

    private Map<String, Object> bootstrap() {
        return kafka.clientConfig();
    }
}
