package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default mode: start the embedded broker and point Spring Kafka at it. Boot's Kafka auto-configuration
 * backs off its own connection details when this {@link KafkaConnectionDetails} bean exists, and since the bean
 * needs the started broker, every producer, consumer and admin is created after the broker listens.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedKafkaCondition.class)
class EmbeddedKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedKafkaBroker embeddedKafkaBroker(BlogKafkaProperties properties, Environment environment) {
        BlogKafkaProperties.Embedded settings = properties.embedded();
        Path dataDir = settings.dataDir() != null ? settings.dataDir()
                : Path.of(environment.getProperty("blog.data-dir", "./data"), "kafka");
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, settings.port(), settings.controllerPort());
        broker.start();
        log.info("Embedded Kafka broker listening on {} (data in {}); watch the topic with: "
                + "kafka-console-consumer.sh --bootstrap-server {} --topic {} --from-beginning",
                broker.bootstrapServers(), broker.dataDir(), broker.bootstrapServers(), properties.topic().name());
        return broker;
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker broker) {
        List<String> bootstrapServers = List.of(broker.bootstrapServers());
        return () -> bootstrapServers;
    }
}
