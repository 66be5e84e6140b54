package io.realtimeblog.realtime.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.apache.tomcat.util.net.SocketWrapperBase.BlockingMode;
import org.apache.tomcat.util.net.SocketWrapperBase.CompletionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection on Tomcat's socket, below the JSR-356 API: frames arrive already encoded
 * ({@link WireFrame}, shared by every client of an audience), wait ({@link WaitingFrames}), and every write
 * takes all that waits (up to 64 frames, 64 KiB) in one gathering, non-blocking socket write. While a write is out
 * frames gather, so the busier the connection the more frames each write carries; a client that stops reading holds no
 * thread. The connection keeps no buffer of its own while idle. Tomcat's own upgrade hook
 * ({@link InternalHttpUpgradeHandler}, what its WebSocket and HTTP/2 use) gives the socket.
 */
public final class WebSocketConnection implements InternalHttpUpgradeHandler {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final long SEND_TIMEOUT_MILLIS = 30_000;
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8192));

    private static final int INTERNAL_ERROR = 1011;
    private static final int DONE = 1;
    private static final int PARTLY = 0;
    private static final int FAILED = -1;
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> WRITING =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "writing");
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "finished");

    private final Writes writes = new Writes();
    /**
     * {@code socket}, {@code listener} and {@code id} are set before the connection opens and never again; other
     * threads find the connection through the listener's concurrent map, which publishes them.
     */
    private SocketWrapperBase<?> socket;
    /** Confined to the socket's thread (Tomcat dispatches one read at a time per socket). */
    private FrameDecoder decoder;
    private ConnectionListener listener;
    private String id;
    /** Guarded by its own monitor; any thread adds, the holder of {@code writing} takes. */
    private final WaitingFrames waiting = new WaitingFrames();
    /** The write side's try-lock (CAS 0 to 1): its holder alone writes to the socket, until it resets it. */
    private volatile int writing;
    /** Set once (CAS) by the first thread that ends the connection: {@code closed} is called once. */
    private volatile int finished;
    /** Volatile: written by the holder of {@code writing} once the close frame is out, read by the socket's thread. */
    private volatile boolean closeSent;
    /** Volatile: written by the socket's thread (a close frame came, or nothing more will be read), read by writers. */
    private volatile boolean closeReceived;
    /** Volatile: written by the thread that closes, read by the ticker ({@link #expireIfStuck}). */
    private volatile long closeDeadline;
    /** Volatile: written by the holder of {@code writing} (or its completion), read by the ticker. */
    private volatile long writeStarted;

    /** Tomcat creates the handler; {@link #configure} follows at once, before the connection opens. */
    public WebSocketConnection() {
    }

    void configure(String connectionId, ConnectionListener connectionListener, WireLimits limits) {
        this.id = connectionId;
        this.listener = connectionListener;
        this.decoder = new FrameDecoder(limits, System::nanoTime);
    }

    public String id() {
        return id;
    }

    /** Queues a frame for the next {@link #flush}; returns how many frames wait, or -1 once closing. */
    public int send(WireFrame frame) {
        return waiting.add(frame);
    }

    /** Starts writing what waits, unless a write is already out (its completion goes on with the rest). */
    public void flush() {
        while (WRITING.compareAndSet(this, 0, 1)) {
            WaitingFrames.Batch batch = waiting.next();
            if (batch == null) {
                writing = 0;
                if (waiting.hasWork()) {
                    continue;
                }
                return;
            }
            if (!write(batch)) {
                return;
            }
            written(batch);
            writing = 0;
        }
    }

    /** Drops what waits and sends a close frame once the write that is out (if any) is done. */
    public void close(int code, String reason) {
        if (waiting.close(WireFrame.close(code, reason))) {
            closeDeadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
            flush();
        }
    }

    public boolean isClosing() {
        return waiting.isClosing();
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

    /** True when the write completed at once; otherwise its completion (or failure) comes later. */
    private boolean write(WaitingFrames.Batch batch) {
        int direct = writeDirectly(batch);
        if (direct != PARTLY) {
            return direct == DONE;
        }
        writeStarted = System.nanoTime();
        CompletionState state;
        try {
            ByteBuffer[] buffers = batch.buffers();
            state = socket.write(buffers, 0, buffers.length, BlockingMode.NON_BLOCK, SEND_TIMEOUT_MILLIS,
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

    /**
     * Most writes fit in the kernel's socket buffer: on a plain (not TLS) NIO socket with nothing buffered by Tomcat
     * they go straight to the channel, without Tomcat's per-operation state; what does not fit goes the
     * asynchronous way. Only this connection writes to its socket, one write at a time.
     */
    private int writeDirectly(WaitingFrames.Batch batch) {
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
            log.debug("Write to {} failed: {}", id, e.toString());
            abort();
            return FAILED;
        }
    }

    private void written(WaitingFrames.Batch batch) {
        if (batch.events() > 0) {
            listener.written(this, batch.events());
        }
        if (batch.close()) {
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
        if (FINISHED.compareAndSet(this, 0, 1)) {
            waiting.drop();
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
            if (isClosing()) {
                return;
            }
            try {
                listener.text(WebSocketConnection.this, message);
            } catch (RuntimeException e) {
                // A bug of ours must not take the reading thread (or the socket's neighbours) with it.
                log.error("Handling a message from {} failed; closing it with 1011", id, e);
                refuse(INTERNAL_ERROR, "internal error");
            }
        }

        @Override
        public void ping(byte[] payload) {
            listener.heard(WebSocketConnection.this);
            if (send(WireFrame.pong(payload)) > 0) {
                flush();
            }
        }

        @Override
        public void pong() {
            listener.heard(WebSocketConnection.this);
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
            refuse(code, reason);
        }

        @Override
        public void broken(int code, String reason) {
            // Nothing more is read, so no close reply will be seen: the connection ends once the close is out.
            closeReceived = true;
            refuse(code, reason);
        }

        private void refuse(int code, String reason) {
            if (!isClosing()) {
                listener.refused(WebSocketConnection.this, code);
            }
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

    /** Completion of a write that could not finish at once (on one of the container's threads). */
    private final class Writes implements CompletionHandler<Long, WaitingFrames.Batch> {

        @Override
        public void completed(Long bytes, WaitingFrames.Batch batch) {
            writeStarted = 0;
            written(batch);
            writing = 0;
            flush();
        }

        @Override
        public void failed(Throwable failure, WaitingFrames.Batch batch) {
            writeStarted = 0;
            log.debug("Write to {} failed: {}", id, failure.toString());
            abort();
        }
    }
}
