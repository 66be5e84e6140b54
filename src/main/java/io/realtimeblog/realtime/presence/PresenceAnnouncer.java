package io.realtimeblog.realtime.presence;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.realtimeblog.kafka.BlogKafkaProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every instance (itself included) that a user started or stopped editing a post, on the presence topic,
 * keyed by post id. Sent straight to Kafka, not through the outbox: presence is ephemeral and the database holds
 * the truth, so a notice lost while the broker is down is healed by the next renewal or expiry.
 */
@Component
public class PresenceAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final String topic;

    PresenceAnnouncer(KafkaTemplate<String, String> kafka, JsonMapper json, BlogKafkaProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.topic = properties.presenceTopic().name();
    }

    /** Announces that the entry's user is editing its post, until the entry's expiry unless renewed. */
    public void started(PresenceEntry entry) {
        send(PresenceNotice.started(entry));
    }

    /** Announces that each entry's user stopped editing its post. */
    public void stopped(List<PresenceEntry> entries) {
        entries.forEach(entry -> send(PresenceNotice.stopped(entry)));
    }

    private void send(PresenceNotice notice) {
        try {
            kafka.send(topic, notice.postId().toString(), json.writeValueAsString(notice))
                    .whenComplete((result, failure) -> {
                        if (failure != null) {
                            log.debug("Presence notice for {} not sent: {}", notice.postId(), failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.debug("Presence notice for {} not sent: {}", notice.postId(), e.toString());
        }
    }
}
