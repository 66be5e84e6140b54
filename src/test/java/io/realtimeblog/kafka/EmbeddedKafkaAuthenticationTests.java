package io.realtimeblog.kafka;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.metadata.storage.Formatter;
import org.junit.jupiter.api.Test;

import static io.realtimeblog.kafka.KafkaTestClients.client;
import static io.realtimeblog.kafka.KafkaTestClients.consumerFromBeginning;
import static io.realtimeblog.kafka.KafkaTestClients.createTopic;
import static io.realtimeblog.kafka.KafkaTestClients.producer;
import static io.realtimeblog.kafka.KafkaTestClients.readValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker accepts only its own login, on both of its ports: another local process (a real Kafka client
 * on 127.0.0.1) can neither produce, consume nor add a user of its own.
 */
class EmbeddedKafkaAuthenticationTests extends StandaloneBrokerTest {

    private static final String TOPIC = "blog-events";
    private static final String WRONG_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"blog\" password=\"guessed\";";

    @Test
    void theLoginIsGeneratedOnceAndSavedOwnerOnlyForKafkasTools() throws Exception {
        broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        Map<String, String> login = broker.clientProperties();

        Path file = broker.credentialsFile();
        assertThat(file).isEqualTo(dataDir.toAbsolutePath().resolve("client.properties"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
        assertThat(EmbeddedKafkaBroker.savedClientProperties(dataDir)).isEqualTo(login);
        assertThat(login).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");

        broker.stop();
        broker.start();

        assertThat(broker.clientProperties()).isEqualTo(login);
        createTopic(client(broker), TOPIC);
    }

    @Test
    void aClientWithoutTheLoginCanNeitherProduceNorConsume() throws Exception {
        broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        createTopic(client(broker), TOPIC);
        send(client(broker), "from the application");

        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        // the broker closes a connection that does not start with the SASL handshake: no metadata, ever
        assertThatThrownBy(() -> send(anonymous, "injected blog-published"))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        try (KafkaConsumer<String, String> consumer = consumerFromBeginning(anonymous)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            assertThatThrownBy(() -> consumer.endOffsets(List.of(partition), Duration.ofSeconds(3)))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }

        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("from the application");
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() throws Exception {
        broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        createTopic(client(broker), TOPIC);
        send(client(broker), "from the application");
        Map<String, Object> guessed = new HashMap<>(client(broker));
        guessed.put(SaslConfigs.SASL_JAAS_CONFIG, WRONG_LOGIN);

        assertThatThrownBy(() -> send(guessed, "injected blog-published"))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        try (KafkaConsumer<String, String> consumer = consumerFromBeginning(guessed)) {
            consumer.subscribe(List.of(TOPIC));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(SaslAuthenticationException.class);
        }

        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("from the application");
    }

    @Test
    void theControllerPortRefusesAClientWithoutTheLogin() throws Exception {
        broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));
        String controller = "127.0.0.1:" + broker.controllerPort();
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, controller,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        Map<String, Object> guessed = new HashMap<>(anonymous);
        guessed.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        guessed.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        guessed.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"blog\" password=\"guessed\";");

        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        try (Admin admin = Admin.create(guessed)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }

        try (Admin admin = Admin.create(client(broker))) {
            Map<String, UserScramCredentialsDescription> users = admin.describeUserScramCredentials().all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(users).containsOnlyKeys("blog");
        }
    }

    @Test
    void aFolderFormattedByAnEarlierVersionWithoutALoginGetsOneAndKeepsItsCluster() throws Exception {
        // formatted as before the broker had a login: no SCRAM user, no client.properties
        Path logDir = Files.createDirectories(dataDir.resolve("logs"));
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        new Formatter().setClusterId(clusterId).setNodeId(1).setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString()).setControllerListenerName("CONTROLLER")
                .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).run();

        broker = started(new EmbeddedKafkaBroker(dataDir, 0, 0));

        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(broker.credentialsFile()).exists();
        createTopic(client(broker), TOPIC);
        send(client(broker), "after the upgrade");
        Map<String, Object> anonymous = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        assertThatThrownBy(() -> send(anonymous, "injected"))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        broker.stop();
        broker = started(new EmbeddedKafkaBroker(dataDir, broker.port(), broker.controllerPort()));
        assertThat(readValues(client(broker), TOPIC, 1)).containsExactly("after the upgrade");
    }

    private static EmbeddedKafkaBroker started(EmbeddedKafkaBroker broker) {
        broker.start();
        return broker;
    }

    /** Sends with a producer that gives up after 3 s without metadata (the application's own max.block.ms is 2 s). */
    private static void send(Map<String, Object> client, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = producer(config)) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
