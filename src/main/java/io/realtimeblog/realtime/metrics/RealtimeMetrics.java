package io.realtimeblog.realtime.metrics;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeblog.realtime.CloseCodes;

/**
 * The real-time module's meters. The hot paths call one method each, which increments a counter made up front:
 * nothing is looked up or allocated per frame.
 */
@Component
public class RealtimeMetrics {

    /** How a client that said hello caught up; the tag value of {@code blog.realtime.resumes}. */
    public enum Resume {
        /** No {@code since}: a fresh join, nothing to catch up. */
        NONE,
        /** Replayed from the instance's recent events. */
        MEMORY,
        /** Replayed by reading the topic. */
        KAFKA,
        /** The position could not be served: the client was told to resync. */
        RESYNC
    }

    private final MeterRegistry registry;
    private final Counter deliveredStaff;
    private final Counter deliveredPublic;
    private final Counter slowCloses;
    private final Counter replayReads;
    private final Counter[] resumes = new Counter[Resume.values().length];
    private final Map<Integer, Counter> refusals;
    private final Map<Integer, Counter> closes;
    /** Volatile: written by the {@code realtime-stream} thread, read by the scrape. */
    private volatile double streamLag = Double.NaN;

    public RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.deliveredStaff = delivered(registry, "staff");
        this.deliveredPublic = delivered(registry, "public");
        this.slowCloses = Counter.builder("blog.realtime.slow.closes")
                .description("Clients closed with 4008 because their queue of unsent frames overflowed")
                .register(registry);
        this.refusals = Stream.of(1002, 1003, 1007, 1008, 1009, 1011).collect(Collectors.toUnmodifiableMap(
                code -> code, code -> Counter.builder("blog.realtime.refusals")
                        .description("Clients closed for breaking a rule of the WebSocket transport, by close code")
                        .tag("code", Integer.toString(code))
                        .register(registry)));
        // Made up front, one per code, so that a dashboard shows 0 rather than no series before the first close.
        this.closes = CloseCodes.ALL.stream().collect(Collectors.toUnmodifiableMap(
                CloseCodes.Close::code, close -> Counter.builder("blog.realtime.closes")
                        .description("Clients the application closed, by close code (4008: slow client, 1012: restart, ...)")
                        .tag("code", Integer.toString(close.code()))
                        .register(registry)));
        Gauge.builder("blog.realtime.stream.lag", this, m -> m.streamLag)
                .description("Events in the topic this instance has not read yet (as of its last fetch); NaN while unknown")
                .register(registry);
        this.replayReads = Counter.builder("blog.realtime.replay.reads")
                .description("Reads of the topic for resumes older than memory (one read serves a batch of them)")
                .register(registry);
        for (Resume outcome : Resume.values()) {
            resumes[outcome.ordinal()] = Counter.builder("blog.realtime.resumes")
                    .description("Hellos by how the client caught up")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(registry);
        }
    }

    private static Counter delivered(MeterRegistry registry, String audience) {
        return Counter.builder("blog.realtime.delivered")
                .description("Event frames written to clients' sockets (live and replayed)")
                .tag("audience", audience)
                .register(registry);
    }

    /**
     * Registers the gauges of the stream position this instance has read and of joined sessions per audience
     * (read on each scrape, on the scraping thread; the registry holds the suppliers).
     */
    public void watchSessions(LongSupplier position, IntSupplier staffJoined, IntSupplier publicJoined) {
        Gauge.builder("blog.realtime.stream.position", position, LongSupplier::getAsLong)
                .description("The last position (offset) of the event stream this instance has read; -1 before the first")
                .strongReference(true)
                .register(registry);
        for (boolean staff : new boolean[] {true, false}) {
            Gauge.builder("blog.realtime.sessions", staff ? staffJoined : publicJoined, IntSupplier::getAsInt)
                    .description("Clients connected to this instance that said hello, by audience")
                    .tag("audience", staff ? "staff" : "public")
                    .strongReference(true)
                    .register(registry);
        }
    }

    public void delivered(boolean staff, int events) {
        (staff ? deliveredStaff : deliveredPublic).increment(events);
    }

    /** Registers the gauge of resumes waiting for a replay thread. */
    public void watchReplays(IntSupplier waiting) {
        Gauge.builder("blog.realtime.replay.waiting", waiting, IntSupplier::getAsInt)
                .description("Resumes with something to replay that wait for a replay thread")
                .strongReference(true)
                .register(registry);
    }

    public void replayRead() {
        replayReads.increment();
    }

    public void slowClose() {
        slowCloses.increment();
    }

    /** The application closed a client with {@code code} (one of {@link CloseCodes#ALL}). */
    public void closed(int code) {
        Counter counter = closes.get(code);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Events behind the end of the topic after the stream's last poll; NaN when not known (no fetch yet). */
    public void streamLag(double events) {
        streamLag = events;
    }

    /** A client closed for breaking a transport rule (1008: over the frame rate). */
    public void refused(int code) {
        Counter counter = refusals.get(code);
        if (counter != null) {
            counter.increment();
        }
    }

    public void resumed(Resume outcome) {
        resumes[outcome.ordinal()].increment();
    }
}
