package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import static io.realtimeblog.kafka.KafkaTestClients.client;
import static io.realtimeblog.kafka.KafkaTestClients.readValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An external cluster that requires SASL/SCRAM, configured with Spring's own keys exactly as docs/operations.md
 * shows them, here the SASL listener of an embedded broker started on its own.
 */
class ExternalSaslClusterTests {

    @TempDir
    static Path dataDir;

    static EmbeddedKafkaBroker cluster;

    @BeforeAll
    static void startCluster() {
        KafkaTestClients.quietKafkaLogs();
        cluster = new EmbeddedKafkaBroker(dataDir, 0, 0);
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.stop();
    }

    @Test
    void theApplicationConnectsWithSpringKafkaSecurityProperties() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                .withPropertyValues(settings(cluster.clientProperties().get("sasl.jaas.config")))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedKafkaBroker.class);
                    @SuppressWarnings("unchecked")
                    KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
                    template.send("blog-events", "post-1", "over SASL").get(30, TimeUnit.SECONDS);
                });

        assertThat(readValues(client(cluster), "blog-events", 1)).contains("over SASL");
    }

    @Test
    void aWrongPasswordIsRefusedAndNothingIsWritten() {
        String wrong = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"blog\" "
                + "password=\"not-the-password\";";
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                .withPropertyValues(settings(wrong))
                .withPropertyValues("spring.kafka.producer.properties.max.block.ms=5000")
                .run(context -> {
                    @SuppressWarnings("unchecked")
                    KafkaTemplate<String, String> template = context.getBean(KafkaTemplate.class);
                    assertThatThrownBy(() -> template.send("sasl-refused", "post-1", "refused").get(30, TimeUnit.SECONDS))
                            .hasRootCauseInstanceOf(SaslAuthenticationException.class);
                });

        assertThat(readValues(client(cluster), "blog-events", 0)).doesNotContain("refused");
    }

    /** The settings of docs/operations.md ("An external cluster with SASL or TLS"). */
    private static String[] settings(String jaasConfig) {
        List<String> settings = new ArrayList<>(List.of(
                "spring.kafka.bootstrap-servers=" + cluster.bootstrapServers(),
                "spring.kafka.security.protocol=SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism=SCRAM-SHA-512",
                "spring.kafka.properties.sasl.jaas.config=" + jaasConfig));
        return settings.toArray(String[]::new);
    }
}
