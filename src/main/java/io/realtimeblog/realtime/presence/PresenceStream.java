package io.realtimeblog.realtime.presence;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.realtimeblog.kafka.BlogKafkaProperties;
import io.realtimeblog.kafka.PartitionFollower;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the presence topic on this instance from its end (no consumer group: every instance reads every notice)
 * and hands each notice to the {@link PresenceListener}. Old notices are never read: a client that connects gets
 * the current state from the database in its snapshot.
 */
@Component
class PresenceStream extends PartitionFollower {

    private static final Logger log = LoggerFactory.getLogger(PresenceStream.class);

    private final PresenceListener listener;
    private final ObjectReader notices;
    private final String topic;

    PresenceStream(ConsumerFactory<String, String> consumers, PresenceListener listener, JsonMapper json,
            BlogKafkaProperties properties) {
        super(consumers, "presence-stream");
        this.listener = listener;
        // Newer writers may add fields within schema version 1.
        this.notices = json.readerFor(PresenceNotice.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.topic = properties.presenceTopic().name();
    }

    @Override
    protected void follow(Consumer<String, String> c) {
        TopicPartition partition = new TopicPartition(topic, 0);
        c.assign(List.of(partition));
        c.seekToEnd(List.of(partition));
        c.position(partition);
        while (isRunning()) {
            for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                PresenceNotice notice = read(record);
                if (notice != null) {
                    listener.on(notice);
                }
            }
        }
    }

    private PresenceNotice read(ConsumerRecord<String, String> record) {
        try {
            PresenceNotice notice = notices.readValue(record.value());
            boolean usable = notice.schemaVersion() == PresenceNotice.SCHEMA_VERSION && notice.postId() != null
                    && notice.user() != null && notice.user().id() != null;
            return usable ? notice : null;
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable presence notice at offset {}: {}", record.offset(), e.getMessage());
            return null;
        }
    }
}
