package io.realtimeblog.realtime.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The last N entries this instance fanned out, by position, so that a client that reconnects shortly after a
 * drop is served from memory. Positions are consecutive Kafka offsets of one partition, but may have holes
 * (duplicates the stream dropped); lookups are by position, not by index arithmetic. Guarded by the fan-out
 * lock of the sessions ({@code RealtimeSessions}).
 */
public final class RecentEvents {

    /** Guarded by the owner's lock (the sessions' fan-out lock), like {@code start} and {@code size}. */
    private final StreamEntry[] ring;
    private int start;
    private int size;

    public RecentEvents(int capacity) {
        this.ring = new StreamEntry[capacity];
    }

    public void add(StreamEntry entry) {
        if (size == ring.length) {
            ring[start] = entry;
            start = (start + 1) % ring.length;
        } else {
            ring[(start + size) % ring.length] = entry;
            size++;
        }
    }

    /**
     * Entries after {@code since} up to the newest, or null if entries after {@code since} may already have
     * left the buffer (then the caller reads Kafka). {@code streamStart} is the first position of the stream
     * this instance has seen from (everything before it was never in memory).
     */
    public List<StreamEntry> after(long since, long streamStart) {
        long oldestKnown = size == 0 ? Long.MAX_VALUE : ring[start].position();
        boolean complete = since + 1 >= streamStart && (size < ring.length || since + 1 >= oldestKnown);
        if (!complete) {
            return null;
        }
        List<StreamEntry> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StreamEntry entry = ring[(start + i) % ring.length];
            if (entry.position() > since) {
                result.add(entry);
            }
        }
        return result;
    }
}
