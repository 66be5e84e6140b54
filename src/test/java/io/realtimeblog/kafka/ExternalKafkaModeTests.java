package io.realtimeblog.kafka;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

/** With a cluster configured no broker starts and every client uses that cluster. Nothing connects here. */
class ExternalKafkaModeTests {

    private static final String CLUSTER = "kafka-1.example.test:9092,kafka-2.example.test:9092";

    @Test
    void kafkaBootstrapServersVariableSelectsTheExternalCluster() {
        // Runs through application.yml, where KAFKA_BOOTSTRAP_SERVERS feeds spring.kafka.bootstrap-servers.
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                .web(WebApplicationType.NONE)
                .properties("KAFKA_BOOTSTRAP_SERVERS=" + CLUSTER, "spring.kafka.admin.auto-create=false")
                .run()) {
            assertExternal(context);
        }
    }

    @Test
    void springKafkaBootstrapServersSelectsTheExternalCluster() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + CLUSTER, "spring.kafka.admin.auto-create=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertExternal(context);
                });
    }

    @Test
    void minInsyncReplicasAboveReplicationFactorIsRejected() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                .withPropertyValues("spring.kafka.bootstrap-servers=" + CLUSTER, "spring.kafka.admin.auto-create=false",
                        "blog.kafka.topic.replication-factor=3",
                        "blog.kafka.topic.min-insync-replicas=4")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("min-insync-replicas must not exceed replication-factor"));
    }

    private static void assertExternal(ConfigurableApplicationContext context) {
        assertThat(context.getBeansOfType(EmbeddedKafkaBroker.class)).isEmpty();
        assertThat(context.getBean(KafkaEndpoint.class)).isEqualTo(new KafkaEndpoint(CLUSTER, false, Map.of()));
        assertThat(context.getBean(KafkaAdmin.class).getConfigurationProperties()
                .get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG))
                .isEqualTo(List.of("kafka-1.example.test:9092", "kafka-2.example.test:9092"));
    }
}
