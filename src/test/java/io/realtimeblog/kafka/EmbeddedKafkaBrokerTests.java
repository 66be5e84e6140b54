package io.realtimeblog.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.realtimeblog.kafka.KafkaTestClients.client;
import static io.realtimeblog.kafka.KafkaTestClients.createTopic;
import static io.realtimeblog.kafka.KafkaTestClients.producer;
import static io.realtimeblog.kafka.KafkaTestClients.readValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The broker on its own, without Spring: a real KRaft broker on a temporary folder and free ports. */
class EmbeddedKafkaBrokerTests extends StandaloneBrokerTest {

    private static final String TOPIC = "test-events";

    @Test
    void producedRecordCanBeConsumed() throws Exception {
        broker = startedBroker();
        createTopic(client(broker), TOPIC);

        try (KafkaProducer<String, String> producer = producer(client(broker))) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "hello")).get(30, TimeUnit.SECONDS);
        }

        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("hello");
    }

    @Test
    void recordsAndClusterIdSurviveARestart() throws Exception {
        broker = startedBroker();
        String clusterId = broker.clusterId();
        createTopic(client(broker), TOPIC);
        try (KafkaProducer<String, String> producer = producer(client(broker))) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "before restart")).get(30, TimeUnit.SECONDS);
        }

        broker.stop();
        broker = new EmbeddedKafkaBroker(dataDir, broker.port(), broker.controllerPort());
        broker.start();

        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("before restart");
    }

    @Test
    void restartKeepsThePortsAndAConnectedProducerCarriesOn() throws Exception {
        broker = startedBroker();
        int port = broker.port();
        int controllerPort = broker.controllerPort();
        createTopic(client(broker), TOPIC);

        try (KafkaProducer<String, String> producer = producer(client(broker))) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "first")).get(30, TimeUnit.SECONDS);

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.controllerPort()).isEqualTo(controllerPort);
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "after restart")).get(60, TimeUnit.SECONDS);
        }

        assertThat(readValues(client(broker), TOPIC, 2)).containsExactly("first", "after restart");
    }

    @Test
    void theBrokersFolderIsOwnerOnlyAndARestartTightensItsSegments() throws Exception {
        Path folder = dataDir.resolve("kafka");
        broker = new EmbeddedKafkaBroker(folder, 0, 0);
        broker.start();
        createTopic(client(broker), TOPIC);
        try (KafkaProducer<String, String> producer = producer(client(broker))) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "draft title")).get(30, TimeUnit.SECONDS);
        }

        assertThat(permissions(folder)).isEqualTo("rwx------");
        assertThat(permissions(folder.resolve("broker.lock"))).isEqualTo("rw-------");
        assertThat(permissions(folder.resolve("logs"))).isEqualTo("rwx------");

        Path segment = folder.resolve("logs/" + TOPIC + "-0/00000000000000000000.log");
        broker.stop();
        // as Kafka leaves it with a umask of 022, or as an earlier version of the application did
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));
        broker.start();

        // checkpoints are rewritten all the time (and get the umask again inside the closed folder); segments stay
        assertThat(permissions(segment)).isEqualTo("rw-------");
        assertThat(permissions(segment.getParent())).isEqualTo("rwx------");
        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("draft title");
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

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private EmbeddedKafkaBroker startedBroker() {
        EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(dataDir, 0, 0);
        started.start();
        assertThat(started.port()).isPositive();
        assertThat(started.bootstrapServers()).isEqualTo("127.0.0.1:" + started.port());
        return started;
    }

}
