package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.realtimeblog.kafka.EmbeddedKafkaBroker;

/**
 * The packaged application as a child process, on its embedded defaults (H2 file, embedded Kafka) in a fresh
 * data folder: it takes writes, is killed with SIGKILL, starts again on the same folder, and has lost nothing
 * that was committed: every post is there and every event reaches the topic.
 */
class CrashRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMAIL = "admin@crash.test";
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process app;
    private int port;
    private int kafkaPort;
    private int controllerPort;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void nothingCommittedBeforeAKillNineIsLost() throws Exception {
        port = freePort();
        kafkaPort = freePort();
        controllerPort = freePort();
        app = start("first");
        String token = login();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(createPost(token, "Survives a crash " + i));
        }

        app.destroyForcibly().waitFor();
        app = start("second");

        JsonNode list = get(login(), "/api/posts?size=100");
        Set<String> stored = new HashSet<>();
        list.get("items").forEach(item -> stored.add(item.get("id").asString()));
        assertThat(stored).containsAll(ids);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> keysOnTopic().containsAll(ids));
    }

    private Process start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/realtime-blog.jar"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "crash-recovery-" + name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("BLOG_DATA_DIR", dataDir.toString());
        env.put("PORT", String.valueOf(port));
        env.put("BLOG_KAFKA_EMBEDDED_PORT", String.valueOf(kafkaPort));
        env.put("BLOG_KAFKA_EMBEDDED_CONTROLLERPORT", String.valueOf(controllerPort));
        env.put("BLOG_ADMIN_EMAIL", EMAIL);
        env.put("BLOG_ADMIN_PASSWORD", PASSWORD);
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        app = process; // stopped by @AfterEach even when it never becomes healthy
        // Generous: on a loaded 2-core machine the app has needed over 3 minutes to start (about 10 s when idle).
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited: see target/crash-recovery-" + name + ".log");
            }
            return healthy();
        });
        return process;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String login() throws Exception {
        JsonNode answer = send("POST", "/api/auth/login", null, Map.of("email", EMAIL, "password", PASSWORD));
        return answer.get("accessToken").asString();
    }

    private String createPost(String token, String title) throws Exception {
        return send("POST", "/api/posts", token, Map.of("title", title, "body", "body")).get("id").asString();
    }

    private JsonNode get(String token, String path) throws Exception {
        return send("GET", path, token, null);
    }

    private JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private Set<String> keysOnTopic() {
        // the broker accepts only the login the app saved in its data folder
        Map<String, Object> config = new HashMap<>(EmbeddedKafkaBroker.savedClientProperties(dataDir.resolve("kafka")));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition("blog-events", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
