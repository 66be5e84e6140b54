package io.realtimeblog.doctor;

import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.realtimeblog.kafka.BlogKafkaProperties;

/** Kafka reachable (the cluster describes itself), and the event topic as the application is configured to want it. */
final class KafkaChecks implements AutoCloseable {

    static final String CLUSTER = "kafka";
    static final String TOPIC = "topic";

    private final DoctorSettings settings;
    private final long timeoutMs;
    private Admin admin;
    private int brokers;

    KafkaChecks(DoctorSettings settings) {
        this.settings = settings;
        this.timeoutMs = settings.timeout().toMillis();
    }

    String clusterFix() {
        return settings.embeddedKafka()
                ? "no KAFKA_BOOTSTRAP_SERVERS is set, so this is the embedded broker of a running instance on this "
                        + "machine: start the instance, or set KAFKA_BOOTSTRAP_SERVERS=host:9092,... to the cluster it uses"
                : "check KAFKA_BOOTSTRAP_SERVERS (" + settings.bootstrapServers() + "): every broker must be reachable "
                        + "from here on its advertised listener (and spring.kafka.properties.* set for TLS/SASL)";
    }

    CheckResult cluster() throws Exception {
        if (settings.embeddedKafka() && settings.bootstrapServers().endsWith(":0")) {
            return CheckResult.fail(CLUSTER, "embedded broker on a random port (blog.kafka.embedded.port=0)",
                    "set KAFKA_BOOTSTRAP_SERVERS to the address the instance logged ('Embedded Kafka broker listening on')");
        }
        if (settings.embeddedKafka() && !Files.exists(settings.embeddedCredentials())) {
            return CheckResult.fail(CLUSTER, "no login for the embedded broker at " + settings.embeddedCredentials(),
                    "the embedded broker of a running instance saves its login there: run the doctor with that "
                            + "instance's BLOG_DATA_DIR (or blog.kafka.embedded.data-dir)");
        }
        admin = Admin.create(settings.kafkaAdmin());
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
        Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
        String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        brokers = nodes.size();
        return CheckResult.pass(CLUSTER, settings.bootstrapServers() + ": cluster " + clusterId + ", " + brokers
                + " broker(s)" + (settings.embeddedKafka() ? " (the embedded broker)" : ""));
    }

    CheckResult topic(boolean clusterReachable) throws Exception {
        BlogKafkaProperties.Topic wanted = settings.topic();
        if (!clusterReachable) {
            return CheckResult.fail(TOPIC, wanted.name() + ": not checked, Kafka is unreachable", "fix the kafka check first");
        }
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(wanted.name())).allTopicNames()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).get(wanted.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return CheckResult.fail(TOPIC, wanted.name() + " does not exist", TopicFixes.create(settings));
            }
            throw e;
        }
        int partitions = description.partitions().size();
        int replicas = description.partitions().get(0).replicas().size();
        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, wanted.name())))
                .all().get(timeoutMs, TimeUnit.MILLISECONDS).values().iterator().next();
        String minIsr = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
        String found = wanted.name() + ": " + partitions + " partition(s), replication factor " + replicas
                + ", min.insync.replicas " + minIsr;
        List<String> problems = TopicFixes.problems(settings, partitions, replicas, Integer.parseInt(minIsr), brokers);
        if (!problems.isEmpty()) {
            return CheckResult.fail(TOPIC, found + " (" + problems.get(0) + ")", problems.get(1));
        }
        return CheckResult.pass(TOPIC, found + " (as configured)");
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
