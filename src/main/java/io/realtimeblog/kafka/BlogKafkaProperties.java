package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka settings ({@code blog.kafka.*}). Which cluster to use is Spring's {@code spring.kafka.bootstrap-servers}
 * (alias {@code KAFKA_BOOTSTRAP_SERVERS}): empty means the embedded broker.
 *
 * @param embedded the in-process broker of the default mode
 * @param topic the topic that carries every blog event
 * @param presenceTopic the topic that tells every instance who started or stopped editing a post
 */
@Validated
@ConfigurationProperties("blog.kafka")
public record BlogKafkaProperties(@Valid @DefaultValue Embedded embedded, @Valid @DefaultValue Topic topic,
        @Valid @DefaultValue PresenceTopic presenceTopic) {

    /**
     * The embedded broker ({@code blog.kafka.embedded.*}); ignored when an external cluster is configured.
     *
     * @param dataDir its storage; {@code null} means {@code <blog.data-dir>/kafka}, so events survive restarts
     * @param port the client port on 127.0.0.1; 0 picks a free port at first start (kept across restarts)
     * @param controllerPort the KRaft controller port on 127.0.0.1; 0 picks a free port likewise
     */
    public record Embedded(
            Path dataDir,
            @DefaultValue("9092") @Min(0) @Max(65535) int port,
            @DefaultValue("9093") @Min(0) @Max(65535) int controllerPort) {

        /** The broker's folder: {@code data-dir} when set, otherwise {@code kafka/} in the given data folder. */
        public Path dataDirIn(Path dataFolder) {
            return dataDir != null ? dataDir : dataFolder.resolve("kafka");
        }

        @AssertTrue(message = "port and controller-port must differ")
        boolean isPortDistinctFromControllerPort() {
            return port == 0 || port != controllerPort;
        }
    }

    /**
     * The event topic ({@code blog.kafka.topic.*}), created on start when absent. Production clusters should use
     * a replication factor of 3 and {@code min-insync-replicas} 2.
     *
     * @param name the topic name
     * @param partitions partition count; must be 1 (one global order of events, which the stream and resume
     *                   positions rely on): any other value refuses to start
     * @param replicationFactor copies of each partition; 1 for the embedded broker
     * @param retention how long events are kept ({@code retention.ms})
     * @param minInsyncReplicas {@code min.insync.replicas} for the topic, or {@code null} for the broker default
     */
    public record Topic(
            @DefaultValue("blog-events") @NotBlank String name,
            @DefaultValue("1") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
            @DefaultValue("7d") @NotNull Duration retention,
            @Min(1) Integer minInsyncReplicas) {

        @AssertTrue(message = "min-insync-replicas must not exceed replication-factor")
        boolean isMinInsyncReplicasAtMostReplicationFactor() {
            return minInsyncReplicas == null || minInsyncReplicas <= replicationFactor;
        }

        @AssertTrue(message = "retention must be positive")
        boolean isRetentionPositive() {
            return retention != null && !retention.isNegative() && !retention.isZero();
        }
    }

    /**
     * The presence topic ({@code blog.kafka.presence-topic.*}), created on start when absent, with one partition
     * and the event topic's replication settings. Its notices matter only for a few seconds (the database holds
     * the presence state; a lost notice heals at the next renewal or expiry), so it keeps them briefly.
     *
     * @param name the topic name
     * @param retention how long notices are kept ({@code retention.ms})
     */
    public record PresenceTopic(
            @DefaultValue("blog-presence") @NotBlank String name,
            @DefaultValue("1h") @NotNull Duration retention) {

        @AssertTrue(message = "retention must be positive")
        boolean isRetentionPositive() {
            return retention != null && !retention.isNegative() && !retention.isZero();
        }
    }
}
