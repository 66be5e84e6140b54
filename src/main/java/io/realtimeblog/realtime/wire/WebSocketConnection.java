package io.realtimeblog.realtime.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection on Tomcat's socket, below the JSR-356 API: frames arrive already encoded
 * ({@link WireFrame}, shared by every client of an audience), wait in a queue, and every write takes all that
 * waits (up to 64 frames, 64 KiB) in one gathering, non-blocking socket write. While a write is out the queue
 * fills, so the busier the connection the more frames each write carries; a client that stops reading holds no
 * thread. The connection keeps no buffer of its own while idle. Tomcat's own upgrade hook
 * ({@link InternalHttpUpgradeHandler}, what its WebSocket and HTTP/2 use) gives the socket.
 */
public final class WebSocketConnection implements InternalHttpUpgradeHandler {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final long SEND_TIMEOUT_MILLIS = 30_000;
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_BATCH_FRAMES = 64;
    private static final int MAX_BATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8192));

    private final Queue<WireFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicReference<WireFrame> closeFrame = new AtomicReference<>();
    private final Writes writes = new Writes();
    private SocketWrapperBase<?> socket;
    private FrameDecoder decoder;
    private ConnectionListener listener;
    private String id;
    private boolean closeTaken;
    private volatile boolean closeSent;
    private volatile boolean closeReceived;
    private volatile long closeDeadline;
    private volatile long writeStarted;

    /** Tomcat creates the handler; {@link #configure} follows at once, before the connection opens. */
    public WebSocketConnection() {
    }

    void configure(String connectionId, ConnectionListener connectionListener, int maxMessageBytes) {
        this.id = connectionId;
        this.listener = connectionListener;
        this.decoder = new FrameDecoder(maxMessageBytes);
    }

    public String id() {
        return id;
    }

    /** Queues a frame for the next {@link #flush}; returns how many frames wait, or -1 once closing. */
    public int send(WireFrame frame) {
        if (closeFrame.get() != null) {
            return -1;
        }
        queue.offer(frame);
        return queued.incrementAndGet();
    }

    /** Starts writing what waits, unless a write is already out (its completion goes on with the rest). */
    public void flush() {
        while (writing.compareAndSet(false, true)) {
            Batch batch = nextBatch();
            if (batch == null) {
                writing.set(false);
                if (hasWork()) {
                    continue;
                }
                return;
            }
            if (!write(batch)) {
                return;
            }
            written(batch);
            writing.set(false);
        }
    }

    /** Drops what waits and sends a close frame once the write that is out (if any) is done. */
    public void close(int code, String reason) {
        if (closeFrame.compareAndSet(null, WireFrame.close(code, reason))) {
            closeDeadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
            queue.clear();
            queued.set(0);
            flush();
        }
    }

    public boolean isClosing() {
        return closeFrame.get() != null;
    }

    /**
     * Drops the TCP connection if a write has been out longer than the send timeout or a close handshake did
     * not finish in time (a client that stopped reading never takes its close frame).
     */
    public void expireIfStuck(long nanoNow) {
        long started = writeStarted;
        long deadline = closeDeadline;
        if (started != 0 && nanoNow - started > TimeUnit.MILLISECONDS.toNanos(SEND_TIMEOUT_MILLIS)
                || deadline != 0 && nanoNow - deadline > 0) {
            abort();
        }
    }

    private boolean hasWork() {
        return closeFrame.get() != null ? !closeTaken : !queue.isEmpty();
    }

    /** Only the thread that set {@code writing} calls this. */
    private Batch nextBatch() {
        WireFrame close = closeFrame.get();
        if (close != null) {
            queue.clear();
            if (closeTaken) {
                return null;
            }
            closeTaken = true;
            return new Batch(new ByteBuffer[] {close.buffer()}, 0, true);
        }
        int capacity = Math.max(1, Math.min(MAX_BATCH_FRAMES, queued.get()));
        ByteBuffer[] buffers = new ByteBuffer[capacity];
        int count = 0;
        int bytes = 0;
        int events = 0;
        WireFrame frame;
        while (count < capacity && bytes < MAX_BATCH_BYTES && (frame = queue.poll()) != null) {
            buffers[count++] = frame.buffer();
            bytes += frame.size();
            events += frame.isEvent() ? 1 : 0;
        }
        if (count == 0) {
            return null;
        }
        queued.addAndGet(-count);
        return new Batch(count == capacity ? buffers : Arrays.copyOf(buffers, count), events, false);
    }

    /** True when the write completed at once; otherwise its completion (or failure) comes later. */
    private boolean write(Batch batch) {
        writeStarted = System.nanoTime();
        CompletionState state;
        try {
            state = socket.write(batch.buffers, 0, batch.buffers.length, BlockingMode.NON_BLOCK, SEND_TIMEOUT_MILLIS,
                    TimeUnit.MILLISECONDS, batch, SocketWrapperBase.COMPLETE_WRITE, writes);
        } catch (RuntimeException e) {
            log.debug("Write to {} failed: {}", id, e.toString());
            abort();
            return false;
        }
        if (state == CompletionState.INLINE) {
            writeStarted = 0;
            return true;
        }
        if (state == CompletionState.NOT_DONE) {
            abort();
        }
        return false;
    }

    private void written(Batch batch) {
        if (batch.events > 0) {
            listener.written(this, batch.events);
        }
        if (batch.close) {
            closeSent = true;
            if (closeReceived) {
                abort();
            }
        }
    }

    /** Closes the TCP connection now. */
    public void abort() {
        try {
            socket.close();
        } catch (RuntimeException e) {
            log.debug("Close of {} failed: {}", id, e.toString());
        }
        finished();
    }

    private void finished() {
        if (finished.compareAndSet(false, true)) {
            queue.clear();
            listener.closed(this);
        }
    }

    @Override
    public void init(WebConnection connection) {
        listener.opened(this);
    }

    @Override
    public SocketState upgradeDispatch(SocketEvent status) {
        if (status == SocketEvent.OPEN_READ) {
            return read();
        }
        if (status == SocketEvent.OPEN_WRITE) {
            flush();
            return SocketState.UPGRADED;
        }
        finished();
        return SocketState.CLOSED;
    }

    private SocketState read() {
        ByteBuffer buffer = READ_BUFFER.get();
        try {
            while (!socket.isClosed()) {
                buffer.clear();
                int count = socket.read(false, buffer);
                if (count < 0) {
                    break;
                }
                if (count == 0) {
                    return closeSent && closeReceived ? close() : SocketState.UPGRADED;
                }
                buffer.flip();
                decoder.feed(buffer, reader);
            }
        } catch (IOException e) {
            log.debug("Read from {} failed: {}", id, e.toString());
        }
        return close();
    }

    private SocketState close() {
        finished();
        return SocketState.CLOSED;
    }

    private final FrameDecoder.Sink reader = new FrameDecoder.Sink() {

        @Override
        public void text(String message) {
            if (!isClosing()) {
                listener.text(WebSocketConnection.this, message);
            }
        }

        @Override
        public void ping(byte[] payload) {
            if (send(WireFrame.pong(payload)) > 0) {
                flush();
            }
        }

        @Override
        public void close(int code, String reason) {
            closeReceived = true;
            if (closeSent) {
                abort();
            } else {
                WebSocketConnection.this.close(code == FrameDecoder.NO_STATUS ? 1000 : code, "");
            }
        }

        @Override
        public void fail(int code, String reason) {
            WebSocketConnection.this.close(code, reason);
        }
    };

    @Override
    public void destroy() {
        finished();
    }

    @Override
    public void timeoutAsync(long now) {
        // Timeouts are the ticker's (expireIfStuck).
    }

    @Override
    public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
        this.socket = wrapper;
    }

    @Override
    public void setSslSupport(SSLSupport sslSupport) {
        // Nothing depends on TLS details.
    }

    @Override
    public void pause() {
        // The application closes its sockets with 1012 before the connector stops.
    }

    private record Batch(ByteBuffer[] buffers, int events, boolean close) {
    }

    /** Completion of a write that could not finish at once (on one of the container's threads). */
    private final class Writes implements CompletionHandler<Long, Batch> {

        @Override
        public void completed(Long bytes, Batch batch) {
            writeStarted = 0;
            written(batch);
            writing.set(false);
            flush();
        }

        @Override
        public void failed(Throwable failure, Batch batch) {
            writeStarted = 0;
            log.debug("Write to {} failed: {}", id, failure.toString());
            abort();
        }
    }
}
