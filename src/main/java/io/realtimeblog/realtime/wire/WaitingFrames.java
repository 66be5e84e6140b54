package io.realtimeblog.realtime.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The frames waiting for one connection, and its close frame once it is closing. Any thread adds; only the
 * connection's writer takes, a batch at a time. No array is kept while nothing waits for long, so an idle socket
 * holds none.
 */
final class WaitingFrames {

    private static final int MAX_BATCH_FRAMES = 64;
    private static final int MAX_BATCH_BYTES = 64 * 1024;

    /** What one socket write carries: the buffers, how many of them are events, whether it is the close frame. */
    record Batch(ByteBuffer[] buffers, int events, boolean close) {
    }

    /** Guarded by this object's monitor, like the three fields below. */
    private WireFrame[] waiting;
    private int count;
    private WireFrame closeFrame;
    private boolean closeTaken;

    /** Adds a frame; returns how many frames wait, or -1 once closing (the frame is dropped). */
    synchronized int add(WireFrame frame) {
        if (closeFrame != null) {
            return -1;
        }
        if (waiting == null) {
            waiting = new WireFrame[4];
        } else if (count == waiting.length) {
            waiting = Arrays.copyOf(waiting, count * 2);
        }
        waiting[count++] = frame;
        return count;
    }

    /** Drops what waits; the close frame goes next. False if the connection was already closing. */
    synchronized boolean close(WireFrame close) {
        if (closeFrame != null) {
            return false;
        }
        closeFrame = close;
        drop();
        return true;
    }

    synchronized boolean isClosing() {
        return closeFrame != null;
    }

    synchronized boolean hasWork() {
        return closeFrame != null ? !closeTaken : count > 0;
    }

    synchronized void drop() {
        waiting = null;
        count = 0;
    }

    /** The next write: what waits, up to 64 frames or 64 KiB, or the close frame; null when there is none. */
    synchronized Batch next() {
        if (closeFrame != null) {
            drop();
            if (closeTaken) {
                return null;
            }
            closeTaken = true;
            return new Batch(new ByteBuffer[] {closeFrame.buffer()}, 0, true);
        }
        int taken = 0;
        int bytes = 0;
        int events = 0;
        while (taken < count && taken < MAX_BATCH_FRAMES && bytes < MAX_BATCH_BYTES) {
            bytes += waiting[taken].size();
            events += waiting[taken].isEvent() ? 1 : 0;
            taken++;
        }
        if (taken == 0) {
            return null;
        }
        ByteBuffer[] buffers = new ByteBuffer[taken];
        for (int i = 0; i < taken; i++) {
            buffers[i] = waiting[i].buffer();
        }
        count -= taken;
        if (count > 0) {
            System.arraycopy(waiting, taken, waiting, 0, count);
            Arrays.fill(waiting, count, count + taken, null);
        } else if (waiting.length > 16) {
            waiting = null; // a burst is over: let its array go
        } else {
            Arrays.fill(waiting, 0, taken, null);
        }
        return new Batch(buffers, events, false);
    }
}
