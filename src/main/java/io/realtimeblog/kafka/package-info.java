/**
 * Kafka for the whole application: in the default mode an embedded single-node KRaft broker (loopback only, data
 * under the data folder, every client authenticated with a login generated on first start), otherwise the external
 * cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}; and the {@code blog-events} and {@code blog-presence} topics.
 *
 * <p>API for other modules: {@link io.realtimeblog.kafka.KafkaEndpoint} (where the cluster is, and the embedded
 * broker's login), {@link io.realtimeblog.kafka.BlogKafkaProperties} (topic name and settings),
 * {@link io.realtimeblog.kafka.PartitionFollower} (a consumer thread that reads a topic on every instance) and, in
 * the embedded mode, {@link io.realtimeblog.kafka.EmbeddedKafkaBroker} (stop and start it in tests; the login it
 * saved, for {@code doctor}). Spring Kafka's own beans ({@code KafkaTemplate}, listener containers,
 * {@code KafkaAdmin}) already point at the right cluster, with the right login.
 */
package io.realtimeblog.kafka;
