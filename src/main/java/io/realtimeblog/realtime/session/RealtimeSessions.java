package io.realtimeblog.realtime.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.stream.RecentEvents;
import io.realtimeblog.realtime.stream.StreamEntry;
import io.realtimeblog.realtime.stream.StreamListener;
import io.realtimeblog.realtime.wire.WireFrame;

/**
 * The clients connected to this instance and the fan-out to them. The stream thread hands each new entry to
 * {@link #publish}; a client that says hello joins under the same lock, so it gets every entry exactly once:
 * either in its replay or live, never both and never neither.
 */
@Component
public class RealtimeSessions implements StreamListener {

    /** Concurrent: added and removed on Tomcat's threads, iterated by the stream, fan-out, ticker and others. */
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    /** The fan-out lock: makes {@link #publish} and {@link #join} exclusive; guards the four fields below. */
    private final Object fanOut = new Object();
    /** Guarded by {@code fanOut}. */
    private final RecentEvents recent;
    private final Clock clock;
    private final FanOutThreads fanOutThreads;
    /** Guarded by {@code fanOut}: written by the stream thread, read by joins and the metrics scrape. */
    private long position = -1;
    /** Guarded by {@code fanOut}. */
    private long streamStart;
    /** Guarded by {@code fanOut}. */
    private String epoch = "";

    RealtimeSessions(RealtimeProperties properties, Clock clock, RealtimeMetrics metrics,
            FanOutThreads fanOutThreads) {
        this.recent = new RecentEvents(properties.recentEvents());
        this.clock = clock;
        this.fanOutThreads = fanOutThreads;
        metrics.watchSessions(this::position, () -> joined(true), () -> joined(false));
    }

    /** The stream (re)started reading at {@code start}; positions before it are not in memory. */
    @Override
    public void streamStarted(String streamEpoch, long start) {
        synchronized (fanOut) {
            epoch = streamEpoch;
            streamStart = start;
            position = Math.max(position, start - 1);
        }
    }

    /** Queues the entry's frame for every client that may see it; {@link #flush} then writes. */
    @Override
    public void publish(StreamEntry entry) {
        synchronized (fanOut) {
            recent.add(entry);
            position = entry.position();
            for (ClientSession session : sessions.values()) {
                if (session.state() == ClientSession.State.ACTIVE) {
                    WireFrame frame = session.frameFor(entry);
                    if (frame != null) {
                        session.queue(frame);
                    }
                }
            }
        }
    }

    /**
     * Starts a write on every client that has frames waiting: after a batch of entries each client gets them in
     * one socket write; a client whose previous write is still out gets them when it completes.
     */
    @Override
    public void flush() {
        fanOutThreads.flush(sessions.values());
    }

    /** A record that is not fanned out (a duplicate or unreadable) still moves the position on. */
    @Override
    public void skip(long skipped) {
        synchronized (fanOut) {
            position = Math.max(position, skipped);
        }
    }

    /**
     * Activates the session (paused) and decides how it catches up from {@code since}: from memory, from Kafka,
     * or not at all (resync). The caller sends the replay and the ready frame, then resumes the session.
     */
    public Join join(ClientSession session, Long since, String clientEpoch) {
        synchronized (fanOut) {
            Join join = decide(since, clientEpoch);
            session.activate(session.actor(), session.tokenExpiresAt(), true);
            return join;
        }
    }

    private Join decide(Long since, String clientEpoch) {
        if (since == null) {
            return new Join(position, epoch, List.of(), false, null);
        }
        if (clientEpoch != null && !clientEpoch.equals(epoch)) {
            return new Join(position, epoch, List.of(), false, "unknown-epoch");
        }
        if (since > position) {
            return new Join(position, epoch, List.of(), false, "position-ahead");
        }
        List<StreamEntry> fromMemory = recent.after(since, streamStart);
        return fromMemory != null
                ? new Join(position, epoch, fromMemory, false, null)
                : new Join(position, epoch, List.of(), true, null);
    }

    /**
     * How a joining client catches up.
     *
     * @param position the stream position the client will be live from (the ready frame's position)
     * @param replay entries to replay from memory
     * @param fromKafka whether the entries must instead be read from Kafka, from since + 1 to position
     * @param resyncReason non-null if the client's position cannot be served
     */
    public record Join(long position, String epoch, List<StreamEntry> replay, boolean fromKafka, String resyncReason) {
    }

    public void add(ClientSession session) {
        sessions.put(session.id(), session);
    }

    public void remove(String id) {
        sessions.remove(id);
    }

    public ClientSession get(String id) {
        return sessions.get(id);
    }

    public List<ClientSession> all() {
        return new ArrayList<>(sessions.values());
    }

    /** How many clients of the audience said hello and are connected (for the sessions gauge). */
    public int joined(boolean staff) {
        int count = 0;
        for (ClientSession session : sessions.values()) {
            if (session.state() == ClientSession.State.ACTIVE && session.isStaff() == staff) {
                count++;
            }
        }
        return count;
    }

    @Override
    public long position() {
        synchronized (fanOut) {
            return position;
        }
    }

    String epoch() {
        synchronized (fanOut) {
            return epoch;
        }
    }

    public Instant now() {
        return clock.instant();
    }
}
