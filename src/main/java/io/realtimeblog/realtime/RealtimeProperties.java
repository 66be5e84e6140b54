package io.realtimeblog.realtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.realtimeblog.realtime.wire.WireLimits;

/**
 * WebSocket and fan-out settings ({@code blog.realtime.*}).
 *
 * @param allowedOrigins Origin patterns a browser page may connect from (Spring's origin patterns, e.g.
 *                       {@code https://blog.example.com} or {@code http://localhost:[*]}); requests without an
 *                       Origin header (non-browser clients) are accepted
 * @param helloTimeout how long a new socket may stay silent before its {@code hello}
 * @param heartbeatInterval how often the server sends a heartbeat frame
 * @param idleTimeout how long the server waits for any frame from the client before closing the socket
 * @param recentEvents how many events each instance keeps in memory to serve resumes without reading Kafka
 * @param maxQueuedFrames how many frames may wait for one slow client before it is closed (it resumes)
 * @param maxInboundFrameBytes the largest message a client may send, fragments counted together (larger: close 1009)
 * @param inboundFrameRate how many frames a client may send a second on average, every kind counted (pings,
 *                         pongs and fragments too); faster: close 1008
 * @param inboundFrameBurst how many frames a client may send at once before the average rate applies
 * @param fanOutThreads threads that write the waiting frames to the clients after each batch of events (the
 *                      stream thread is one of them); about the number of cores
 * @param presenceTtl how long a presence lease ("I am editing this post") lasts unless the client renews it
 * @param presenceFramesPerSecond how many {@code presence} frames a socket may send per second, after its burst
 * @param presenceFrameBurst how many {@code presence} frames a socket may send at once; as many refused frames in
 *                           a row close the socket (1008)
 * @param replayThreads threads that serve resumes with something to replay (the posts' current state from the
 *                      database, older positions from Kafka); each keeps one Kafka consumer, so an instance never
 *                      has more replay consumers than this
 * @param staffRecheckInterval how often each instance re-checks its staff sockets' users and tokens: a disabled
 *                             user, a changed role or a revoked token reaches open sockets within this time
 * @param workThreads threads that do what the clients' frames ask for when it may wait on the database or Kafka
 *                    ({@code hello} and {@code auth} with a token, {@code presence}, a staff socket's end), so it
 *                    never holds a socket's thread; each socket's frames are handled in order, one at a time
 * @param maxPendingFrames how many of one client's frames may wait to be handled; one more closes the socket (1008)
 */
@Validated
@ConfigurationProperties("blog.realtime")
public record RealtimeProperties(
        @NotNull @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"}) List<String> allowedOrigins,
        @NotNull @DefaultValue("5s") Duration helloTimeout,
        @NotNull @DefaultValue("20s") Duration heartbeatInterval,
        @NotNull @DefaultValue("60s") Duration idleTimeout,
        @Min(1) @Max(10_000_000) @DefaultValue("10000") int recentEvents,
        @Min(1) @Max(1_000_000) @DefaultValue("2000") int maxQueuedFrames,
        @Min(256) @Max(1_048_576) @DefaultValue("4096") int maxInboundFrameBytes,
        @NotNull @DefaultValue("30s") Duration presenceTtl,
        @Min(1) @Max(64) @DefaultValue("2") int fanOutThreads,
        @Min(1) @Max(100_000) @DefaultValue("10") int inboundFrameRate,
        @Min(1) @Max(100_000) @DefaultValue("100") int inboundFrameBurst,
        @Min(1) @Max(1000) @DefaultValue("1") int presenceFramesPerSecond,
        @Min(1) @Max(1000) @DefaultValue("10") int presenceFrameBurst,
        @Min(1) @Max(64) @DefaultValue("2") int replayThreads,
        @NotNull @DefaultValue("5s") Duration staffRecheckInterval,
        @Min(1) @Max(64) @DefaultValue("2") int workThreads,
        @Min(1) @Max(10_000) @DefaultValue("32") int maxPendingFrames) {

    /** What the transport enforces on every client frame. */
    public WireLimits wireLimits() {
        return new WireLimits(maxInboundFrameBytes, inboundFrameRate, inboundFrameBurst);
    }
}
