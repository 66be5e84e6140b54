package io.realtimeblog.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance died and its clients all resume here at once, from positions older than this instance keeps in
 * memory (blog.realtime.recent-events is 50 in tests): every client gets exactly the events it missed, then
 * {@code ready}; the replays share Kafka reads on the replay threads (never more replay consumers than threads),
 * and REST requests made meanwhile are answered as usual.
 */
@IntegrationTest
// Its own context: the 2,000 sockets are all open before they all say hello at once, longer than the 1 s hello
// timeout of the shared test configuration allows on a loaded machine. Its own in-memory database too, so that its
// outbox relay never takes rows of the shared context's (each context has its own broker).
@TestPropertySource(properties = {"blog.realtime.hello-timeout=60s",
        "spring.datasource.url=jdbc:h2:mem:resume-storm;DB_CLOSE_DELAY=-1"})
class ResumeStormTests extends AbstractIntegrationTest {

    private static final int CLIENTS = 2_000;
    private static final int POSTS = 27;
    private static final int NEARBY_POSITIONS = 4;
    private static final int WAVE = 250;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    RestPosts restPosts;

    Staff editor;
    ConsumerFactory.Listener<String, String> listener;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void twoThousandClientsResumingFromKafkaAtOnceEachGetExactlyWhatTheyMissedThenReady() throws Exception {
        TestSocket live = sockets.open();
        long base = live.join(null, null).get("position").asLong();
        for (int i = 0; i < POSTS; i++) {
            JsonNode draft = restPosts.create(editor.token(), "Storm " + i);
            restPosts.publish(editor.token(), draft.get("id").asString(), draft.get("version").asLong());
        }
        Awaitility.await().until(() -> live.events().size() == POSTS);
        List<Long> published = live.events().stream().map(f -> f.get("position").asLong()).toList();
        long end = base + 2L * POSTS;
        assertThat(published).last().isEqualTo(end);
        AtomicInteger replayConsumers = countReplayConsumersOpened();
        double readsBefore = meters.get("blog.realtime.replay.reads").counter().count();
        double kafkaResumesBefore = resumes("kafka");
        List<Long> quiet = restLatencies(20);

        List<Long> duringStorm = Collections.synchronizedList(new ArrayList<>());
        try (ManySockets sockets = new ManySockets(port)) {
            List<ManySockets.Client> clients = new ArrayList<>();
            AtomicBoolean stormOver = new AtomicBoolean();
            CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                while (!stormOver.get()) {
                    duringStorm.addAll(restLatencies(1));
                }
            });
            for (int wave = 0; wave < CLIENTS; wave += WAVE) {
                List<ManySockets.Client> opened = sockets.open(WAVE);
                clients.addAll(opened);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sockets.failures() > 0
                        || opened.stream().allMatch(ManySockets.Client::upgraded));
            }
            ManySockets.sendText(clients,
                    i -> "{\"type\":\"hello\",\"since\":" + (base + i % NEARBY_POSITIONS) + "}");
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sockets.failures() > 0
                        || clients.stream().allMatch(c -> c.received("\"ready\"") || c.closeCode() != 0));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(sockets.summary("\"ready\""), e);
            } finally {
                stormOver.set(true);
            }
            rest.join();
            assertThat(sockets.summary("\"ready\"")).endsWith(CLIENTS + " got \"ready\", 0 closed [], 0 failed");

            assertThat(sockets.failures()).isZero();
            for (int i = 0; i < CLIENTS; i++) {
                long since = base + i % NEARBY_POSITIONS;
                List<JsonNode> frames = clients.get(i).texts().stream().map(json::readTree).toList();
                List<Long> expected = published.stream().filter(position -> position > since).toList();
                assertThat(frames).hasSize(expected.size() + 1);
                assertThat(frames.subList(0, expected.size())).extracting(f -> f.get("position").asLong())
                        .containsExactlyElementsOf(expected);
                JsonNode ready = frames.get(expected.size());
                assertThat(ready.get("type").asString()).isEqualTo("ready");
                assertThat(ready.get("position").asLong()).isEqualTo(end);
            }
        }
        double reads = meters.get("blog.realtime.replay.reads").counter().count() - readsBefore;
        assertThat(resumes("kafka") - kafkaResumesBefore).isEqualTo(CLIENTS);
        assertThat(reads).isPositive().isLessThanOrEqualTo(CLIENTS / 20.0);
        assertThat(replayConsumers.get()).isLessThanOrEqualTo(properties.replayThreads());
        long quietMedian = percentile(quiet, 50);
        long stormMedian = percentile(duringStorm, 50);
        long stormMax = percentile(duringStorm, 100);
        System.out.printf("Resume storm: %d clients, %.0f Kafka reads, %d replay consumers opened; REST latency "
                + "quiet median %d ms, during the storm median %d ms, max %d ms over %d requests%n", CLIENTS, reads,
                replayConsumers.get(), quietMedian, stormMedian, stormMax, duringStorm.size());
        assertThat(duringStorm).isNotEmpty();
        assertThat(stormMedian).isLessThanOrEqualTo(Math.max(1_000, 5 * quietMedian));
        assertThat(stormMax).isLessThanOrEqualTo(5_000);
        live.close();
    }

    /** Counts the replay consumers the application opens from now on (they are opened on the replay threads). */
    private AtomicInteger countReplayConsumersOpened() {
        AtomicInteger opened = new AtomicInteger();
        listener = new ConsumerFactory.Listener<>() {
            @Override
            public void consumerAdded(String id, Consumer<String, String> consumer) {
                if (Thread.currentThread().getName().startsWith("realtime-replay-")) {
                    opened.incrementAndGet();
                }
            }
        };
        ((DefaultKafkaConsumerFactory<String, String>) consumers).addListener(listener);
        return opened;
    }

    @AfterEach
    void stopCounting() {
        if (listener != null) {
            ((DefaultKafkaConsumerFactory<String, String>) consumers).removeListener(listener);
        }
    }

    /** Times {@code count} staff REST requests over real HTTP (the Tomcat threads), in milliseconds. */
    private List<Long> restLatencies(int count) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts?size=10"))
                .header("Authorization", TestAccounts.bearer(editor.token())).build();
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            latencies.add((System.nanoTime() - start) / 1_000_000);
        }
        return latencies;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private double resumes(String outcome) {
        return meters.get("blog.realtime.resumes").tag("outcome", outcome).counter().count();
    }
}
