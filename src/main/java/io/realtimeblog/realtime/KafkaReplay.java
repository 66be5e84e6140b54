package io.realtimeblog.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves a resume that memory cannot: reads the topic from {@code since + 1} up to the position the client
 * joined at. Answers null when Kafka no longer has {@code since + 1} (retention deleted it) or the read takes too
 * long; the client then gets {@code resync}.
 */
@Component
class KafkaReplay {

    private static final Duration MAX_READ = Duration.ofSeconds(10);

    private final ConsumerFactory<String, String> consumers;
    private final EntryFactory entries;
    private final String topic;

    KafkaReplay(ConsumerFactory<String, String> consumers, EntryFactory entries,
            @Value("${blog.kafka.topic.name:blog-events}") String topic) {
        this.consumers = consumers;
        this.entries = entries;
        this.topic = topic;
    }

    /** Entries with positions in (since, upTo], or null if they cannot all be read. */
    List<StreamEntry> read(long since, long upTo) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "realtime-replay")) {
            consumer.assign(List.of(partition));
            long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
            if (since + 1 < begin) {
                return null;
            }
            consumer.seek(partition, since + 1);
            List<StreamEntry> result = new ArrayList<>();
            long deadline = System.nanoTime() + MAX_READ.toNanos();
            long next = since + 1;
            while (next <= upTo) {
                if (System.nanoTime() > deadline) {
                    return null;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() > upTo) {
                        break;
                    }
                    StreamEntry entry = entries.entry(record);
                    if (entry != null) {
                        result.add(entry);
                    }
                    next = record.offset() + 1;
                }
            }
            return result;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
