package io.realtimeblog.realtime.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a batch of frames gets onto one connection's socket without blocking: straight to the channel when the
 * kernel takes it all at once (the usual case), else by Tomcat's asynchronous write, whose completion, on one of
 * the container's threads, hands the connection back its write side. Only the holder of the connection's write
 * side calls {@link #write}, so there is one write at a time.
 */
final class SocketWrites implements CompletionHandler<Long, WaitingFrames.Batch> {

    private static final Logger log = LoggerFactory.getLogger(SocketWrites.class);
    private static final long SEND_TIMEOUT_MILLIS = 30_000;
    private static final int DONE = 1;
    private static final int PARTLY = 0;
    private static final int FAILED = -1;

    private final WebSocketConnection connection;
    /** Volatile: when the write that is out started (0: none), written by the writer, read by the ticker. */
    private volatile long started;

    SocketWrites(WebSocketConnection connection) {
        this.connection = connection;
    }

    /** True when the write completed at once; otherwise its completion (or failure) comes later. */
    boolean write(SocketWrapperBase<?> socket, WaitingFrames.Batch batch) {
        int direct = writeDirectly(socket, batch);
        if (direct != PARTLY) {
            return direct == DONE;
        }
        started = System.nanoTime();
        CompletionState state;
        try {
            ByteBuffer[] buffers = batch.buffers();
            state = socket.write(buffers, 0, buffers.length, BlockingMode.NON_BLOCK, SEND_TIMEOUT_MILLIS,
                    TimeUnit.MILLISECONDS, batch, SocketWrapperBase.COMPLETE_WRITE, this);
        } catch (RuntimeException e) {
            log.debug("Write to {} failed: {}", connection.id(), e.toString());
            connection.abort();
            return false;
        }
        if (state == CompletionState.INLINE) {
            started = 0;
            return true;
        }
        if (state == CompletionState.NOT_DONE) {
            connection.abort();
        }
        return false;
    }

    /** Whether a write has been out longer than the send timeout. */
    boolean stuck(long nanoNow) {
        long since = started;
        return since != 0 && nanoNow - since > TimeUnit.MILLISECONDS.toNanos(SEND_TIMEOUT_MILLIS);
    }

    /**
     * Most writes fit in the kernel's socket buffer: on a plain (not TLS) NIO socket with nothing buffered by Tomcat
     * they go straight to the channel, without Tomcat's per-operation state; what does not fit goes the
     * asynchronous way. Only this connection writes to its socket, one write at a time.
     */
    private int writeDirectly(SocketWrapperBase<?> socket, WaitingFrames.Batch batch) {
        Object channel = socket.getSocket();
        if (channel == null || channel.getClass() != NioChannel.class
                || !socket.getSocketBufferHandler().isWriteBufferEmpty()) {
            return PARTLY;
        }
        NioChannel nio = (NioChannel) channel;
        ByteBuffer[] buffers = batch.buffers();
        ByteBuffer last = buffers[buffers.length - 1];
        try {
            // One frame (the usual case between events) is a plain write; more are one gathering write.
            while ((buffers.length == 1 ? nio.write(last) : nio.write(buffers, 0, buffers.length)) > 0) {
                if (!last.hasRemaining()) {
                    return DONE;
                }
            }
            return PARTLY;
        } catch (IOException | RuntimeException e) {
            log.debug("Write to {} failed: {}", connection.id(), e.toString());
            connection.abort();
            return FAILED;
        }
    }

    /** Completion of a write that could not finish at once (on one of the container's threads). */
    @Override
    public void completed(Long bytes, WaitingFrames.Batch batch) {
        started = 0;
        connection.writeCompleted(batch);
    }

    @Override
    public void failed(Throwable failure, WaitingFrames.Batch batch) {
        started = 0;
        log.debug("Write to {} failed: {}", connection.id(), failure.toString());
        connection.abort();
    }
}
