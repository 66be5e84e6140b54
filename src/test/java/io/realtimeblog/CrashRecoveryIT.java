package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

import io.realtimeblog.kafka.EmbeddedKafkaBroker;

/**
 * The packaged application as a child process, on its embedded defaults (H2 file, embedded Kafka) in a fresh
 * data folder: it takes writes, is killed with SIGKILL, starts again on the same folder, and has lost nothing
 * that was committed: every post is there and every event reaches the topic.
 */
class CrashRecoveryIT {

    private static final String EMAIL = "admin@crash.test";
    private static final String PASSWORD = "crash-test-password";

    @TempDir
    Path dataDir;

    private PackagedApp app;

    @AfterEach
    void stop() {
        if (app != null && app.process() != null) {
            app.process().destroyForcibly();
        }
    }

    @Test
    void nothingCommittedBeforeAKillNineIsLost() throws Exception {
        app = new PackagedApp(dataDir, EMAIL, PASSWORD);
        start("first");
        String token = app.login();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(app.send("POST", "/api/posts", token, Map.of("title", "Survives a crash " + i, "body", "body"))
                    .get("id").asString());
        }

        app.process().destroyForcibly().waitFor();
        start("second");

        JsonNode list = app.send("GET", "/api/posts?size=100", app.login(), null);
        Set<String> stored = new HashSet<>();
        list.get("items").forEach(item -> stored.add(item.get("id").asString()));
        assertThat(stored).containsAll(ids);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> keysOnTopic().containsAll(ids));
    }

    private void start(String name) throws IOException {
        Path jar = Path.of(System.getProperty("app.jar", "target/realtime-blog.jar"));
        app.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toAbsolutePath().toString()), Path.of("target", "crash-recovery-" + name + ".log"));
    }

    private Set<String> keysOnTopic() {
        // the broker accepts only the login the app saved in its data folder
        Map<String, Object> config = new HashMap<>(EmbeddedKafkaBroker.savedClientProperties(dataDir.resolve("kafka")));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + app.kafkaPort());
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
}
