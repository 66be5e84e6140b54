package io.realtimeblog.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The {@code kafka} health component (part of readiness): UP when the cluster answers within {@link #TIMEOUT},
 * with its broker count and the event topic's partitions; DOWN with the reason otherwise. One admin client is
 * kept for the application's lifetime; it reconnects by itself after an outage.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private volatile Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, BlogKafkaProperties properties) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = properties.topic().name();
    }

    @Override
    public Health health() {
        int timeout = (int) TIMEOUT.toMillis();
        try {
            DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeout));
            int brokers = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS).size();
            Health.Builder health = Health.up()
                    .withDetail("bootstrapServers", kafkaAdmin.getConfigurationProperties()
                            .get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                    .withDetail("clusterId", cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS))
                    .withDetail("brokers", brokers);
            return withTopic(health, timeout).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return Health.down()
                    .withDetail("error", "Kafka did not answer within " + TIMEOUT.toMillis() + " ms: " + reason(e))
                    .withDetail("bootstrapServers", kafkaAdmin.getConfigurationProperties()
                            .get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                    .build();
        }
    }

    private Health.Builder withTopic(Health.Builder health, int timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            Map<String, TopicDescription> topics = admin()
                    .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(timeout))
                    .allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
            return health.withDetail("topic", topic).withDetail("topicExists", true)
                    .withDetail("partitions", topics.get(topic).partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Health.down().withDetail("topic", topic).withDetail("topicExists", false)
                        .withDetail("error", "Topic " + topic + " does not exist (it is created at start)");
            }
            throw e;
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    admin = Admin.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
