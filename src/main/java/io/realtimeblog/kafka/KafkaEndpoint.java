package io.realtimeblog.kafka;

/**
 * Where this application's Kafka cluster is, for modules that build their own clients.
 *
 * @param bootstrapServers comma-separated {@code host:port} list, ready for {@code bootstrap.servers}
 * @param embedded {@code true} when the cluster is the in-process broker of the default mode, {@code false} when
 *     it is an external cluster ({@code KAFKA_BOOTSTRAP_SERVERS})
 */
public record KafkaEndpoint(String bootstrapServers, boolean embedded) {
}
