package io.realtimeblog.realtime.stream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import io.realtimeblog.kafka.BlogKafkaProperties;
import io.realtimeblog.kafka.PartitionFollower;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;

/**
 * Reads the {@code blog-events} topic on this instance (every instance reads all of it; no consumer group, so
 * instances never share or rebalance partitions) and hands each new event to the fan-out. On start it begins
 * a little before the end of the log, so that its resume buffer is warm, and the web server opens only after
 * it has caught up (bounded wait), so a client that reconnects to a fresh instance resumes without a gap.
 * Positions are offsets of partition 0; the stream epoch is the topic's id.
 */
@Component
class EventStream extends PartitionFollower {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(20);

    private final KafkaAdmin admin;
    private final EntryFactory entries;
    private final StreamListener sessions;
    private final RealtimeProperties properties;
    private final RealtimeMetrics metrics;
    private final String topic;
    /** Counted down by the stream thread once it has read to the end; awaited by the start-up thread. */
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    EventStream(ConsumerFactory<String, String> consumers, KafkaAdmin admin, EntryFactory entries,
            StreamListener sessions, RealtimeProperties properties, RealtimeMetrics metrics,
            BlogKafkaProperties kafkaProperties) {
        super(consumers, "realtime-stream");
        this.admin = admin;
        this.entries = entries;
        this.sessions = sessions;
        this.properties = properties;
        this.metrics = metrics;
        this.topic = kafkaProperties.topic().name();
    }

    @Override
    public void start() {
        super.start();
        try {
            if (!caughtUp.await(CATCH_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The event stream has not caught up after {} s; accepting clients anyway",
                        CATCH_UP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void follow(Consumer<String, String> c) {
        TopicPartition partition = new TopicPartition(topic, 0);
        metrics.streamLag(Double.NaN);
        c.assign(List.of(partition));
        long end = c.endOffsets(List.of(partition)).get(partition);
        long begin = c.beginningOffsets(List.of(partition)).get(partition);
        long start = Math.max(begin, Math.max(end - properties.recentEvents(), sessions.position() + 1));
        c.seek(partition, start);
        sessions.streamStarted(epoch(), start);
        Duplicates duplicates = new Duplicates();
        if (start >= end) {
            caughtUp.countDown();
        }
        while (isRunning()) {
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(200));
            for (ConsumerRecord<String, String> record : records) {
                StreamEntry entry = entries.entry(record);
                if (entry != null && duplicates.firstTime(entry.postId(), entry.version())) {
                    sessions.publish(entry);
                } else {
                    sessions.skip(record.offset());
                }
                if (record.offset() + 1 >= end) {
                    caughtUp.countDown();
                }
            }
            if (!records.isEmpty()) {
                sessions.flush();
            }
            // From the high watermark of the last fetch: no request to the broker, and the records polled are done.
            java.util.OptionalLong lag = c.currentLag(partition);
            metrics.streamLag(lag.isPresent() ? lag.getAsLong() : Double.NaN);
        }
    }

    private String epoch() {
        Map<String, org.apache.kafka.clients.admin.TopicDescription> topics = admin.describeTopics(topic);
        return topics.get(topic).topicId().toString();
    }
}
