package io.realtimeblog.realtime.wire;

/**
 * A token bucket of client frames: {@code burst} frames at once, refilled at {@code perSecond}. Kept as one number
 * per connection, the time at which the bucket will be full again (the "virtual scheduling" form of the generic
 * cell rate algorithm, which behaves exactly like a bucket of tokens), because every open socket carries one.
 */
final class FrameRate {

    private final long interval;
    private final long capacity;
    private long fullAt;

    FrameRate(WireLimits limits, long nanoNow) {
        this.interval = 1_000_000_000L / limits.framesPerSecond();
        this.capacity = interval * limits.frameBurst();
        this.fullAt = nanoNow;
    }

    /** Takes one frame's token; false when the bucket is empty (nothing is taken then). */
    boolean take(long nanoNow) {
        long from = fullAt - nanoNow > 0 ? fullAt : nanoNow;
        long next = from + interval;
        if (next - nanoNow > capacity) {
            return false;
        }
        fullAt = next;
        return true;
    }
}
