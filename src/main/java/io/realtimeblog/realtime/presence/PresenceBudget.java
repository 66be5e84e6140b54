package io.realtimeblog.realtime.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One socket's allowance of {@code presence} frames, and the leases it last wrote.
 * <p>
 * The allowance is a token bucket: {@code burst} frames at once, then {@code perSecond} a second. A frame over
 * the allowance is refused; a socket that goes on sending ({@code burst} refused frames with none accepted in
 * between) is to be closed. A renewal of a lease this socket wrote less than half a lifetime ago, for the same
 * user name, needs no write: the lease outlives the client's next renewal anyway, and the other editors already
 * know its expiry, so neither the database nor Kafka hears of it.
 */
public final class PresenceBudget {

    /** What to do with a presence frame. */
    public enum Verdict { ACCEPT, REFUSE, CLOSE }

    private final int perSecond;
    private final int burst;
    /** Guarded by this budget's monitor, like the three fields below (the socket's lane: one task at a time). */
    private final Map<UUID, Written> written = new HashMap<>();
    private double tokens;
    private Instant refilledAt;
    private int refusedInARow;

    public PresenceBudget(int perSecond, int burst, Instant now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Spends one frame of the allowance, if there is one. */
    public synchronized Verdict take(Instant now) {
        if (now.isAfter(refilledAt)) {
            double earned = Duration.between(refilledAt, now).toNanos() / 1e9 * perSecond;
            tokens = Math.min(burst, tokens + earned);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens--;
            refusedInARow = 0;
            return Verdict.ACCEPT;
        }
        refusedInARow++;
        return refusedInARow >= burst ? Verdict.CLOSE : Verdict.REFUSE;
    }

    /** Whether renewing the lease on {@code postId} as {@code name} must be written now. */
    public synchronized boolean needsWrite(UUID postId, String name, Instant now, Duration ttl) {
        Written last = written.get(postId);
        return last == null || !last.name().equals(name)
                || Duration.between(now, last.expiresAt()).compareTo(ttl.dividedBy(2)) <= 0;
    }

    /** The lease on {@code postId} was written, lasting until {@code expiresAt}. */
    public synchronized void wrote(UUID postId, String name, Instant expiresAt) {
        written.put(postId, new Written(name, expiresAt));
    }

    /** The lease on {@code postId} ended (or was never written). */
    public synchronized void ended(UUID postId) {
        written.remove(postId);
    }

    private record Written(String name, Instant expiresAt) {
    }
}
