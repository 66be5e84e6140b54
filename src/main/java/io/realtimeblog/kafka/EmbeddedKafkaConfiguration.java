package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.realtimeblog.datafolder.DataFolderProperties;

/**
 * The default mode: start the embedded broker and point Spring Kafka at it, with its login. Boot's Kafka
 * auto-configuration backs off its own connection details when this {@link KafkaConnectionDetails} bean exists, and
 * since the bean needs the started broker, every producer, consumer and admin is created after the broker listens.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedKafkaCondition.class)
class EmbeddedKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedKafkaBroker embeddedKafkaBroker(BlogKafkaProperties properties, DataFolderProperties dataFolder) {
        BlogKafkaProperties.Embedded settings = properties.embedded();
        Path dataDir = settings.dataDirIn(dataFolder.dataDir());
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, settings.port(), settings.controllerPort());
        broker.start();
        log.info("Embedded Kafka broker listening on {} (data in {}); watch the topic with: "
                + "kafka-console-consumer.sh --bootstrap-server {} --consumer.config {} --topic {} --from-beginning",
                broker.bootstrapServers(), broker.dataDir(), broker.bootstrapServers(), broker.credentialsFile(),
                properties.topic().name());
        return broker;
    }

    /**
     * The broker's address and login for every client Boot builds. Connection details carry the address and the
     * security protocol only; the SASL mechanism and login go where an operator puts them for an external cluster,
     * {@code spring.kafka.properties.*}. Boot builds every producer, consumer and admin after this bean (they need
     * it), so they all read them.
     */
    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker, KafkaProperties kafka) {
        Map<String, String> security = new HashMap<>(broker.clientProperties());
        String protocol = security.remove(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        kafka.getProperties().putAll(security);
        List<String> bootstrapServers = List.of(broker.bootstrapServers());
        return new KafkaConnectionDetails() {
            @Override
            public List<String> getBootstrapServers() {
                return bootstrapServers;
            }

            @Override
            public String getSecurityProtocol() {
                return protocol;
            }
        };
    }
}
