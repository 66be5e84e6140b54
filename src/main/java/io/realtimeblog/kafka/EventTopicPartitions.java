package io.realtimeblog.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event topic must have exactly one partition: the live stream, the replay and the resume positions (offsets)
 * all follow partition 0, so events written to any other partition would never reach a socket. The application
 * refuses to start, with one log line naming the property and the topic, when {@code blog.kafka.topic.partitions}
 * is not 1 ({@link #requireOne}, before any topic is created) or when the existing topic has more than one
 * partition (checked on start, after {@code KafkaAdmin} has created a missing topic and before the stream starts).
 * A cluster that does not answer within {@link #TIMEOUT} is not a reason to refuse: writes work while Kafka is
 * down, and the stream checks nothing it cannot read.
 */
final class EventTopicPartitions implements SmartLifecycle {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EventTopicPartitions.class);

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private volatile boolean running;

    EventTopicPartitions(KafkaAdmin kafkaAdmin, String topic) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
    }

    /** Refuses a configuration with more than one partition before the topic would be created with them. */
    static void requireOne(BlogKafkaProperties.Topic topic) {
        if (topic.partitions() != 1) {
            throw refused("blog.kafka.topic.partitions=" + topic.partitions() + " is not supported: topic '"
                    + topic.name() + "' must have exactly 1 partition");
        }
    }

    @Override
    public void start() {
        Integer partitions = partitions();
        if (partitions != null && partitions > 1) {
            throw refused("topic '" + topic + "' has " + partitions + " partitions, but blog.kafka.topic.partitions "
                    + "must be 1 and the topic must have exactly 1 partition");
        }
        running = true;
    }

    private static IllegalStateException refused(String problem) {
        String line = problem + ": the live stream and resume positions follow partition 0 only, so events in "
                + "other partitions would never reach a client. Recreate the topic with one partition "
                + "(docs/operations.md, \"Kafka in production\").";
        log.error(line);
        return new IllegalStateException(line);
    }

    private Integer partitions() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                log.warn("Could not check the partitions of topic '{}': {}", topic, e.getCause().toString());
            }
            return null;
        } catch (TimeoutException e) {
            log.warn("Could not check the partitions of topic '{}': no answer within {} s", topic,
                    TIMEOUT.toSeconds());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (KafkaException e) {
            log.warn("Could not check the partitions of topic '{}': {}", topic, e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the {@link PartitionFollower}s start reading. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }
}
