package io.realtimeblog.realtime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.realtimeblog.events.BlogEvent;
import io.realtimeblog.events.EventType;

class PublicViewTests {

    private static BlogEvent event(EventType type, String status, boolean wasPublic) {
        UUID id = UUID.randomUUID();
        BlogEvent.Person person = new BlogEvent.Person(UUID.randomUUID(), "Ana");
        Instant now = Instant.parse("2026-11-26T18:00:00Z");
        return new BlogEvent(BlogEvent.SCHEMA_VERSION, UUID.randomUUID(), type.wireName(), id, 3, now, person,
                wasPublic, new BlogEvent.Post(id, "T", "t", "", status, List.of(), person, null,
                        now.plusSeconds(3600), now, 3));
    }

    @Test
    void schedulingEventsNeverReachReaders() {
        assertThat(PublicView.of(event(EventType.SCHEDULED, "SCHEDULED", false))).isNull();
        assertThat(PublicView.of(event(EventType.SCHEDULE_FAILED, "SCHEDULED", false))).isNull();
        assertThat(PublicView.of(event(EventType.UPDATED, "SCHEDULED", false))).isNull();
        // Unscheduling (back to draft) of a post readers never saw.
        assertThat(PublicView.of(event(EventType.UNPUBLISHED, "DRAFT", false))).isNull();
    }

    @Test
    void theScheduledPublishReachesReadersAsBlogPublishedWithoutTheSchedule() {
        BlogEvent published = PublicView.of(event(EventType.PUBLISHED, "PUBLISHED", false));

        assertThat(published.type()).isEqualTo("blog-published");
        assertThat(published.actor()).isNull();
        assertThat(published.post().scheduledAt()).isNull();
    }
}
