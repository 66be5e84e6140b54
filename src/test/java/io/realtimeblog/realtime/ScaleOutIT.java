package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out on one machine, as {@code scripts/scale-out.sh} runs it: a standalone Kafka broker, the MariaDB
 * database and two instances of the packaged jar, each its own process. Writes through either instance reach the
 * clients of the other; when an instance (the one running the outbox relay) dies by SIGKILL, its clients
 * reconnect to the survivor and resume from their position without a gap, although writes went on in between. Needs MariaDB: {@code -DskipMariaDbTests}
 * skips it.
 */
@DisabledIfSystemProperty(named = "skipMariaDbTests", matches = "true")
class ScaleOutIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<TestSocket> sockets = new ArrayList<>();
    private ScaleOutSet set;

    @BeforeEach
    void start() throws Exception {
        set = new ScaleOutSet(JSON);
        long began = System.nanoTime();
        set.start();
        report("the set started (broker, database, two instances ready)", began);
    }

    @AfterEach
    void stop() throws Exception {
        sockets.forEach(TestSocket::close);
        set.stop();
    }

    @Test
    void clientsOfAKilledInstanceResumeOnTheOtherWithoutAGap() throws Exception {
        String token = set.login(1);
        TestSocket onFirst = open(1);
        JsonNode readyOnFirst = onFirst.join(token, null);
        TestSocket onSecond = open(2);
        JsonNode readyOnSecond = onSecond.join(token, null);

        String fromFirst = set.create(1, token, "Written on instance 1 " + UUID.randomUUID()).get("id").asString();
        awaitEventFor(onSecond, fromFirst);
        String fromSecond = set.create(2, token, "Written on instance 2 " + UUID.randomUUID()).get("id").asString();
        awaitEventFor(onFirst, fromSecond);
        awaitEventFor(onSecond, fromSecond);

        // Kill the instance that runs the outbox relay: the survivor must also take the relay over before the
        // changes made meanwhile reach Kafka at all.
        int dying = set.relayInstance();
        int surviving = 3 - dying;
        TestSocket dropped = dying == 1 ? onFirst : onSecond;
        TestSocket staying = dying == 1 ? onSecond : onFirst;
        String epoch = (dying == 1 ? readyOnFirst : readyOnSecond).get("epoch").asString();
        long since = lastPosition(dropped);

        long killed = System.nanoTime();
        set.kill(dying);
        assertThat(dropped.awaitClose()).as("the socket drops with the process").isEqualTo(1006);
        report("instance " + dying + " (the relay's) was killed; its client saw the socket drop", killed);

        // Changes made while the client is away: on the surviving instance, after the kill, before the reconnect.
        JsonNode post = set.create(surviving, token, "While an instance is dead " + UUID.randomUUID());
        set.create(surviving, token, "Also while an instance is dead " + UUID.randomUUID());
        post = set.update(surviving, token, post, "Edited while an instance is dead");
        set.publish(surviving, token, post);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> after(staying, since).size() == 4);
        report("the relay moved to instance " + surviving + " and the changes made meanwhile reached its clients",
                killed);
        List<JsonNode> missed = after(staying, since);

        long reconnecting = System.nanoTime();
        TestSocket resumed = open(surviving);
        resumed.send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"since\":" + since + ",\"epoch\":\""
                + epoch + "\"}");
        JsonNode ready = resumed.await("ready");
        report("the client reconnected to instance " + surviving + " and resumed", reconnecting);

        List<JsonNode> replayed = beforeReady(resumed);
        assertThat(positions(replayed)).as("every missed position, in order, once (an ADMIN sees every event)")
                .containsExactlyElementsOf(LongStream.rangeClosed(since + 1, ready.get("position").asLong())
                        .boxed().toList());
        assertThat(eventIds(replayed)).as("exactly the events the other clients got meanwhile")
                .containsExactlyElementsOf(eventIds(missed));
        assertThat(resumed.last("resync")).isNull();

        String live = set.create(surviving, token, "After the resume " + UUID.randomUUID()).get("id").asString();
        awaitEventFor(resumed, live);
        assertThat(positions(resumed.events())).as("live events follow the replay without a gap")
                .containsExactlyElementsOf(LongStream.rangeClosed(since + 1, ready.get("position").asLong() + 1)
                        .boxed().toList());
    }

    private TestSocket open(int instance) {
        TestSocket socket = TestSocket.open(set.port(instance), JSON);
        sockets.add(socket);
        return socket;
    }

    private static void awaitEventFor(TestSocket socket, String postId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> socket.events().stream()
                .anyMatch(frame -> postId.equals(frame.get("event").get("postId").asString())));
    }

    private static long lastPosition(TestSocket socket) {
        List<JsonNode> events = socket.events();
        return events.get(events.size() - 1).get("position").asLong();
    }

    private static List<JsonNode> after(TestSocket socket, long position) {
        return socket.events().stream().filter(frame -> frame.get("position").asLong() > position).toList();
    }

    /** The event frames that arrived before the ready frame: the replay. */
    private static List<JsonNode> beforeReady(TestSocket socket) {
        List<JsonNode> replay = new ArrayList<>();
        for (JsonNode frame : socket.frames()) {
            String type = frame.get("type").asString();
            if ("ready".equals(type)) {
                return replay;
            }
            if ("event".equals(type)) {
                replay.add(frame);
            }
        }
        throw new AssertionError("no ready frame: " + socket.frames());
    }

    private static List<Long> positions(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.get("position").asLong()).toList();
    }

    private static List<String> eventIds(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.get("event").get("eventId").asString()).toList();
    }

    private static void report(String what, long since) {
        System.out.printf("ScaleOutIT: %s in %d ms%n", what, (System.nanoTime() - since) / 1_000_000);
    }
}
