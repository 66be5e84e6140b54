package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.realtimeblog.kafka.KafkaTestClients.createTopic;
import static io.realtimeblog.kafka.KafkaTestClients.producer;
import static io.realtimeblog.kafka.KafkaTestClients.readValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The broker on its own, without Spring: a real KRaft broker on a temporary folder and free ports. */
class EmbeddedKafkaBrokerTests {

    private static final String TOPIC = "test-events";

    @TempDir
    Path dataDir;

    private EmbeddedKafkaBroker broker;

    @BeforeAll
    static void quietLogs() {
        KafkaTestClients.quietKafkaLogs();
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void producedRecordCanBeConsumed() throws Exception {
        broker = startedBroker();
        createTopic(broker.bootstrapServers(), TOPIC);

        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "hello")).get(30, TimeUnit.SECONDS);
        }

        assertThat(readValues(broker.bootstrapServers(), TOPIC, 1)).containsExactly("hello");
    }

    @Test
    void recordsAndClusterIdSurviveARestart() throws Exception {
        broker = startedBroker();
        String clusterId = broker.clusterId();
        createTopic(broker.bootstrapServers(), TOPIC);
        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "before restart")).get(30, TimeUnit.SECONDS);
        }

        broker.stop();
        broker = new EmbeddedKafkaBroker(dataDir, broker.port(), broker.controllerPort());
        broker.start();

        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(readValues(broker.bootstrapServers(), TOPIC, 1)).containsExactly("before restart");
    }

    @Test
    void restartKeepsThePortsAndAConnectedProducerCarriesOn() throws Exception {
        broker = startedBroker();
        int port = broker.port();
        int controllerPort = broker.controllerPort();
        createTopic(broker.bootstrapServers(), TOPIC);

        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "first")).get(30, TimeUnit.SECONDS);

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.controllerPort()).isEqualTo(controllerPort);
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "after restart")).get(60, TimeUnit.SECONDS);
        }

        assertThat(readValues(broker.bootstrapServers(), TOPIC, 2)).containsExactly("first", "after restart");
    }

    @Test
    void secondBrokerOnAFolderInUseFailsNamingTheFolder() {
        broker = startedBroker();
        EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(dataDir, 0, 0);

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
                .hasMessageContaining("in use")
                .hasMessageContaining("BLOG_DATA_DIR");
        assertThat(second.isRunning()).isFalse();
        assertThat(broker.isRunning()).isTrue();
    }

    /**
     * Runs in a JVM of its own (surefire execution {@code isolated-jvm}): Kafka's exit procedures are global, so
     * the guard stops every embedded broker in the JVM, including the shared test context's.
     */
    @Test
    @Tag("isolated-jvm")
    void kafkaHaltStopsTheBrokerInsteadOfTheJvm() {
        broker = startedBroker();

        assertThatThrownBy(() -> Exit.halt(1, "simulated fatal error"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("simulated fatal error");

        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.isRunning());
        broker.start();
        assertThat(broker.isRunning()).isTrue();
    }

    private EmbeddedKafkaBroker startedBroker() {
        EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(dataDir, 0, 0);
        started.start();
        assertThat(started.port()).isPositive();
        assertThat(started.bootstrapServers()).isEqualTo("127.0.0.1:" + started.port());
        return started;
    }

}
