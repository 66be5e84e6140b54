package io.realtimeblog.status;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET /api/status}. Health parts carry a status ({@code UP}, {@code DOWN}, {@code UNKNOWN}...)
 * and a few facts, never host names, addresses or paths. Counters count since this instance started.
 *
 * @param status    {@code UP} when the database, Kafka and the outbox are all up, else the worst of them
 * @param checkedAt when this instance answered
 */
record SystemStatus(String status, Instant checkedAt, Database database, Kafka kafka, Outbox outbox,
        Realtime realtime) {

    /** The database this instance uses. */
    record Database(String status, @Schema(nullable = true) String product, @Schema(nullable = true) String error) {
    }

    /** The Kafka cluster and the event topic. */
    record Kafka(String status, @Schema(nullable = true) Integer brokers, @Schema(nullable = true) String topic,
            @Schema(nullable = true) Integer partitions, @Schema(nullable = true) String error) {
    }

    /**
     * The outbox shared by every instance: rows not yet sent to Kafka and how long the oldest has waited (cached
     * for up to 5 s), and the events this instance's relay published.
     */
    record Outbox(String status, long backlog, double oldestAgeSeconds, long published,
            @Schema(nullable = true) String error) {
    }

    /**
     * This instance's WebSocket clients and stream.
     *
     * @param sessions       clients that said hello, by audience
     * @param delivered      event frames written to clients, by audience
     * @param streamPosition the last position of the event stream this instance has read (-1 before the first)
     * @param resumes        hellos by how the client caught up: {@code none} (a fresh join), {@code memory},
     *                       {@code kafka}, {@code resync}
     * @param slowCloses     clients closed with 4008 because they could not keep up
     */
    record Realtime(ByAudience sessions, ByAudience delivered, long streamPosition, Resumes resumes,
            long slowCloses) {
    }

    /** A figure for staff clients and for anonymous readers. */
    record ByAudience(long staff, @JsonProperty("public") long readers) {
    }

    /** Hellos since this instance started, by how the client caught up. */
    record Resumes(long none, long memory, long kafka, long resync) {
    }
}
