package io.realtimeblog.realtime.wire;

/**
 * What one client may send (docs/websocket-protocol.md, "Limits"): messages of at most {@code maxMessageBytes}
 * (fragments counted together; larger: 1009), and frames of any kind (pings, pongs and fragments included) at
 * {@code framesPerSecond} on average with bursts of {@code frameBurst} (faster: 1008).
 */
public record WireLimits(int maxMessageBytes, int framesPerSecond, int frameBurst) {

    public WireLimits {
        if (maxMessageBytes < 1 || framesPerSecond < 1 || framesPerSecond > 1_000_000_000 || frameBurst < 1) {
            throw new IllegalArgumentException("Limits must be positive: " + maxMessageBytes + ", "
                    + framesPerSecond + ", " + frameBurst);
        }
    }
}
