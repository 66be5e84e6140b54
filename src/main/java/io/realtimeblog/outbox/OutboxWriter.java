package io.realtimeblog.outbox;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.media.MediaChanged;
import io.realtimeblog.posts.PostChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one outbox row per {@link PostChanged} and {@link MediaChanged}, inside the transaction that made the
 * change: the row commits or rolls back with it. After the commit it wakes the relay on this instance. A media
 * event's row keeps the image's id in {@code post_id}: that column is the Kafka key, the subject whose events
 * stay in order.
 */
@Component
class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Clock clock;

    OutboxWriter(JdbcTemplate jdbc, JsonMapper json, OutboxRelay relay, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PostChanged change) {
        write(EventMapper.toEvent(UUID.randomUUID(), change), change.postId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MediaChanged change) {
        write(MediaEventMapper.toEvent(UUID.randomUUID(), change), change.mediaId());
    }

    private void write(BlogEvent event, UUID subject) {
        jdbc.update("INSERT INTO outbox_events (id, post_id, event_type, post_version, payload, created_at, attempts)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0)",
                event.eventId().toString(), subject.toString(), event.type(), event.version(),
                json.writeValueAsString(event), Times.utc(clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }
}
