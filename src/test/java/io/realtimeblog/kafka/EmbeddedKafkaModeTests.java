package io.realtimeblog.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;

import static io.realtimeblog.kafka.KafkaTestClients.readValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default mode with Spring: no cluster configured, so the app runs its own broker and Spring Kafka uses it. */
@SpringBootTest
@ActiveProfiles("test")
class EmbeddedKafkaModeTests {

    /**
     * Only the kafka module and Boot's Kafka auto-configuration: fast, and independent of the other modules. Nested
     * in a test class, so the whole application's component scan in integration tests skips it.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(KafkaAutoConfiguration.class)
    @Import(KafkaConfiguration.class)
    static class KafkaModuleOnly {
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaEndpoint endpoint;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    KafkaTemplate<String, String> kafkaTemplate;

    @Test
    void eventTopicIsCreatedWithOnePartitionAndTheConfiguredRetention() throws Exception {
        try (Admin admin = Admin.create(endpoint.clientConfig())) {
            TopicDescription topic = admin.describeTopics(List.of("blog-events")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("blog-events");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "blog-events");
            Config topicConfig = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                    .get(resource);

            assertThat(topic.partitions()).hasSize(1);
            assertThat(topicConfig.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
        }
    }

    @Test
    void endpointAndSpringKafkaPointAtTheEmbeddedBroker() {
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.dataDir().toString()).contains("target/test-data/kafka");
        assertThat(endpoint).isEqualTo(new KafkaEndpoint(broker.bootstrapServers(), true, broker.clientProperties()));
        assertThat(kafkaAdmin.getConfigurationProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo(List.of(broker.bootstrapServers()));
        // Spring's clients log in as the broker's one user
        assertThat(kafkaAdmin.getConfigurationProperties())
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, broker.clientProperties().get(SaslConfigs.SASL_JAAS_CONFIG));
    }

    @Test
    void kafkaTemplateDeliversToTheEmbeddedBroker() throws Exception {
        kafkaTemplate.send("blog-events", "post-1", "from KafkaTemplate").get(30, TimeUnit.SECONDS);

        assertThat(readValues(endpoint.clientConfig(), "blog-events", 1)).contains("from KafkaTemplate");
    }

    @Test
    void kafkaTemplateCarriesOnAfterTheBrokerBeanRestarts() throws Exception {
        String address = broker.bootstrapServers();
        kafkaTemplate.send("blog-events", "post-2", "before outage").get(30, TimeUnit.SECONDS);

        broker.stop();
        try {
            // While the broker is down a send fails within max.block.ms (2 s); the outbox relay retries it later.
            assertThatThrownBy(() -> kafkaTemplate.send("blog-events", "post-2", "during outage").get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        } finally {
            broker.start();
        }

        kafkaTemplate.send("blog-events", "post-2", "after restart").get(30, TimeUnit.SECONDS);
        assertThat(broker.bootstrapServers()).isEqualTo(address);
        assertThat(readValues(endpoint.clientConfig(), "blog-events", 2))
                .containsSubsequence("before outage", "after restart").doesNotContain("during outage");
    }
}
