package io.realtimeblog.realtime.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads a range of the topic for resumes that memory cannot serve. One per replay thread ({@link ReplayPool}), not
 * thread-safe: it keeps its consumer between reads (assigned to partition 0, no group, so nothing rebalances), so
 * an instance never has more replay consumers than replay threads. A consumer that failed is closed and the next
 * read opens a new one.
 */
final class KafkaReplay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReplay.class);

    private final ConsumerFactory<String, String> consumers;
    private final EntryFactory entries;
    private final TopicPartition partition;
    private final Duration maxRead;
    /** Confined to the replay thread that owns this reader (Kafka's consumer is not thread-safe). */
    private Consumer<String, String> consumer;

    KafkaReplay(ConsumerFactory<String, String> consumers, EntryFactory entries, String topic, Duration maxRead) {
        this.consumers = consumers;
        this.entries = entries;
        this.partition = new TopicPartition(topic, 0);
        this.maxRead = maxRead;
    }

    /**
     * Entries with positions in (since, upTo], or null if they cannot all be read: Kafka no longer has
     * {@code since + 1} (retention deleted it), or the read failed or took longer than {@code maxRead}.
     */
    List<StreamEntry> read(long since, long upTo) {
        try {
            Consumer<String, String> c = consumer();
            long begin = c.beginningOffsets(List.of(partition)).get(partition);
            if (since + 1 < begin) {
                return null;
            }
            c.seek(partition, since + 1);
            List<StreamEntry> result = new ArrayList<>();
            long deadline = System.nanoTime() + maxRead.toNanos();
            long next = since + 1;
            while (next <= upTo) {
                if (System.nanoTime() > deadline) {
                    log.warn("Replay of positions {} to {} took longer than {}; clients get resync", since + 1, upTo,
                            maxRead);
                    return null;
                }
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(200))) {
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
        } catch (InterruptException e) {
            close();
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            log.warn("Replay of positions {} to {} failed: {}", since + 1, upTo, e.toString());
            close();
            return null;
        }
    }

    private Consumer<String, String> consumer() {
        if (consumer == null) {
            consumer = consumers.createConsumer(null, "realtime-replay");
            consumer.assign(List.of(partition));
        }
        return consumer;
    }

    @Override
    public void close() {
        if (consumer != null) {
            try {
                consumer.close();
            } catch (RuntimeException e) {
                log.debug("Closing a replay consumer failed: {}", e.toString());
            }
            consumer = null;
        }
    }
}
