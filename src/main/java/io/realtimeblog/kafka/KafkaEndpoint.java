package io.realtimeblog.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where this application's Kafka cluster is, for modules and tools that build their own clients.
 *
 * @param bootstrapServers comma-separated {@code host:port} list, ready for {@code bootstrap.servers}
 * @param embedded {@code true} when the cluster is the in-process broker of the default mode, {@code false} when
 *     it is an external cluster ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param security the client settings that authenticate to the embedded broker ({@code security.protocol},
 *     {@code sasl.*}); empty for an external cluster, whose settings are Spring's own {@code spring.kafka.*}
 */
public record KafkaEndpoint(String bootstrapServers, boolean embedded, Map<String, String> security) {

    public KafkaEndpoint {
        security = Map.copyOf(security);
    }

    /** Names the security settings, never their values (the login's password). */
    @Override
    public String toString() {
        return "KafkaEndpoint[bootstrapServers=" + bootstrapServers + ", embedded=" + embedded + ", security="
                + security.keySet() + "]";
    }

    /** {@code bootstrap.servers} and {@link #security()}: a plain Kafka client's configuration, to add to. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }
}
