package io.realtimeblog.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.realtimeblog.datafolder.DataFolderProperties;

/**
 * The Kafka module in both modes: the event and presence topics (Spring's {@code KafkaAdmin} creates them) and the
 * endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BlogKafkaProperties.class, DataFolderProperties.class})
@Import(EmbeddedKafkaConfiguration.class)
class KafkaConfiguration {

    @Bean
    NewTopic blogEventsTopic(BlogKafkaProperties properties) {
        BlogKafkaProperties.Topic topic = properties.topic();
        EventTopicPartitions.requireOne(topic);
        TopicBuilder builder = TopicBuilder.name(topic.name())
                .partitions(topic.partitions())
                .replicas(topic.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()));
        if (topic.minInsyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topic.minInsyncReplicas()));
        }
        return builder.build();
    }

    @Bean
    EventTopicPartitions eventTopicPartitions(KafkaAdmin kafkaAdmin, BlogKafkaProperties properties) {
        return new EventTopicPartitions(kafkaAdmin, properties.topic().name());
    }

    /** Presence notices (who is editing what): one partition, so every instance reads them in one order. */
    @Bean
    NewTopic blogPresenceTopic(BlogKafkaProperties properties) {
        BlogKafkaProperties.Topic events = properties.topic();
        TopicBuilder builder = TopicBuilder.name(properties.presenceTopic().name())
                .partitions(1)
                .replicas(events.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(properties.presenceTopic().retention().toMillis()));
        if (events.minInsyncReplicas() != null) {
            builder.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(events.minInsyncReplicas()));
        }
        return builder.build();
    }

    @Bean
    KafkaEndpoint kafkaEndpoint(KafkaConnectionDetails connectionDetails,
            ObjectProvider<EmbeddedKafkaBroker> embeddedBroker) {
        String servers = String.join(",", connectionDetails.getBootstrapServers());
        EmbeddedKafkaBroker broker = embeddedBroker.getIfAvailable();
        return broker != null ? new KafkaEndpoint(servers, true, broker.clientProperties())
                : new KafkaEndpoint(servers, false, Map.of());
    }
}
