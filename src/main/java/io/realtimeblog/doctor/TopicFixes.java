package io.realtimeblog.doctor;

import java.util.List;

import io.realtimeblog.kafka.BlogKafkaProperties;

/** The exact commands that make the event topic what the application is configured to want. */
final class TopicFixes {

    private TopicFixes() {
    }

    static String create(DoctorSettings settings) {
        BlogKafkaProperties.Topic topic = settings.topic();
        StringBuilder command = new StringBuilder("kafka-topics.sh --bootstrap-server ")
                .append(servers(settings)).append(" --create --topic ").append(topic.name())
                .append(" --partitions ").append(topic.partitions())
                .append(" --replication-factor ").append(topic.replicationFactor())
                .append(" --config retention.ms=").append(topic.retention().toMillis());
        if (topic.minInsyncReplicas() != null) {
            command.append(" --config min.insync.replicas=").append(topic.minInsyncReplicas());
        }
        return command + "\n(or start one instance of the application: it creates the topic with these settings)";
    }

    /** The address for Kafka's tools, with the embedded broker's login file when that is the cluster. */
    private static String servers(DoctorSettings settings) {
        return settings.embeddedKafka()
                ? settings.bootstrapServers() + " --command-config " + settings.embeddedCredentials()
                : settings.bootstrapServers();
    }

    /**
     * Compares the topic with the configuration. Returns an empty list when they agree, otherwise the first
     * difference and its fix.
     */
    static List<String> problems(DoctorSettings settings, int partitions, int replicas, int minIsr, int brokers) {
        BlogKafkaProperties.Topic topic = settings.topic();
        String servers = servers(settings);
        if (topic.partitions() != 1) {
            return List.of("configured: " + topic.partitions() + " partition(s); the application refuses to start "
                            + "unless blog.kafka.topic.partitions is 1",
                    "set BLOG_KAFKA_TOPIC_PARTITIONS=1: the live stream and resume positions follow partition 0 only");
        }
        if (partitions != 1) {
            return List.of("the application refuses to start unless the topic has exactly 1 partition",
                    "the live stream and resume positions follow partition 0 only: recreate the topic with 1 "
                            + "partition (kafka-topics.sh --bootstrap-server " + servers + " --delete --topic "
                            + topic.name() + ", then start an instance; clients resync)");
        }
        if (replicas != topic.replicationFactor()) {
            return List.of("configured: replication factor " + topic.replicationFactor(),
                    "set BLOG_KAFKA_TOPIC_REPLICATIONFACTOR=" + replicas + " to accept the topic as it is, or change it "
                            + "with kafka-reassign-partitions.sh --bootstrap-server " + servers
                            + " --execute --reassignment-json-file <" + topic.replicationFactor()
                            + " broker ids per partition>");
        }
        if (topic.replicationFactor() > brokers) {
            return List.of("only " + brokers + " broker(s) for replication factor " + topic.replicationFactor(),
                    "add brokers to the cluster, or lower BLOG_KAFKA_TOPIC_REPLICATIONFACTOR");
        }
        if (topic.minInsyncReplicas() != null && minIsr != topic.minInsyncReplicas()) {
            return List.of("configured: min.insync.replicas " + topic.minInsyncReplicas(),
                    "kafka-configs.sh --bootstrap-server " + servers + " --alter --entity-type topics --entity-name "
                            + topic.name() + " --add-config min.insync.replicas=" + topic.minInsyncReplicas());
        }
        return List.of();
    }
}
