package io.realtimeblog.realtime.wire;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import jakarta.servlet.http.WebConnection;

import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection on Tomcat's socket, below the JSR-356 API: frames arrive already encoded
 * ({@link WireFrame}, shared by every client of an audience), wait ({@link WaitingFrames}), and every write
 * takes all that waits (up to 64 frames, 64 KiB) in one gathering, non-blocking socket write. While a write is out
 * frames gather, so the busier the connection the more frames each write carries; a client that stops reading holds no
 * thread. The connection keeps no buffer of its own while idle. Tomcat's own upgrade hook
 * ({@link InternalHttpUpgradeHandler}, what its WebSocket and HTTP/2 use) gives the socket. What the client sends
 * is read and acted on by its {@link ConnectionReader}; how a batch gets onto the socket is {@link SocketWrites}'.
 */
public final class WebSocketConnection implements InternalHttpUpgradeHandler {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final int INTERNAL_ERROR = 1011;
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> WRITING =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "writing");
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> FINISHED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "finished");

    private final SocketWrites writes = new SocketWrites(this);
    /**
     * {@code socket}, {@code reader}, {@code listener} and {@code id} are set before the connection opens and never
     * again; other threads find the connection through the listener's concurrent map, which publishes them.
     */
    private SocketWrapperBase<?> socket;
    /** Used on the socket's thread only (Tomcat dispatches one read at a time per socket). */
    private ConnectionReader reader;
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

    /** Tomcat creates the handler; {@link #configure} follows at once, before the connection opens. */
    public WebSocketConnection() {
    }

    void configure(String connectionId, ConnectionListener connectionListener, WireLimits limits) {
        this.id = connectionId;
        this.listener = connectionListener;
        this.reader = new ConnectionReader(this, connectionListener, limits);
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
            if (!writes.write(socket, batch)) {
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
     * Handling a message of this connection failed (a bug of ours), on whichever thread handled it: logged, counted
     * as a refusal with 1011 and closed, so the failure takes neither the handling thread nor the socket's
     * neighbours with it.
     */
    public void failed(RuntimeException failure) {
        log.error("Handling a message from {} failed; closing it with 1011", id, failure);
        if (!isClosing()) {
            listener.refused(this, INTERNAL_ERROR);
        }
        close(INTERNAL_ERROR, "internal error");
    }

    /**
     * Drops the TCP connection if a write has been out longer than the send timeout or a close handshake did
     * not finish in time (a client that stopped reading never takes its close frame).
     */
    public void expireIfStuck(long nanoNow) {
        long deadline = closeDeadline;
        if (writes.stuck(nanoNow) || deadline != 0 && nanoNow - deadline > 0) {
            abort();
        }
    }

    /** A write that could not finish at once is done (on one of the container's threads): on with the rest. */
    void writeCompleted(WaitingFrames.Batch batch) {
        written(batch);
        writing = 0;
        flush();
    }

    /** The client's close frame came, or nothing more will be read; true if our close frame is out too. */
    boolean closeReceived() {
        closeReceived = true;
        return closeSent;
    }

    /** Both close frames are through: the connection may end. */
    boolean closeHandshakeDone() {
        return closeSent && closeReceived;
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
            if (reader.read(socket)) {
                return SocketState.UPGRADED;
            }
            finished();
            return SocketState.CLOSED;
        }
        if (status == SocketEvent.OPEN_WRITE) {
            flush();
            return SocketState.UPGRADED;
        }
        finished();
        return SocketState.CLOSED;
    }

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
}
