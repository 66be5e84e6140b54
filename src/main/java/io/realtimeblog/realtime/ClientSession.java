package io.realtimeblog.realtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.realtimeblog.auth.AccessTokenVerifier.Verification;
import io.realtimeblog.realtime.wire.WebSocketConnection;
import io.realtimeblog.realtime.wire.WireFrame;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * One connected client: its audience, its token's expiry, and its connection, whose bounded queue of frames
 * keeps a slow client from holding up the fan-out or the other clients. A client with more than
 * {@code maxQueued} frames waiting is closed with {@link CloseCodes#SLOW_CLIENT} once the write that is out is
 * done.
 */
final class ClientSession {

    enum State { AWAITING_HELLO, ACTIVE, CLOSING }

    private static final AtomicInteger OPENED = new AtomicInteger();

    private final WebSocketConnection connection;
    private final RealtimeMetrics metrics;
    private final int maxQueued;
    private final Instant helloDeadline;
    private final int stripe = OPENED.getAndIncrement() & Integer.MAX_VALUE;
    private volatile State state = State.AWAITING_HELLO;
    private volatile boolean paused;
    private List<WireFrame> held;
    private volatile Actor actor;
    private volatile Instant tokenExpiresAt;
    private volatile Verification token;
    private volatile Instant lastHeard;

    ClientSession(WebSocketConnection connection, RealtimeMetrics metrics, int maxQueued, Instant now,
            Instant helloDeadline) {
        this.connection = connection;
        this.metrics = metrics;
        this.maxQueued = maxQueued;
        this.lastHeard = now;
        this.helloDeadline = helloDeadline;
    }

    /** Becomes active; while {@code pauseForReplay} live frames are held back behind the replay still to come. */
    synchronized void activate(Actor staff, Instant expiresAt, boolean pauseForReplay) {
        this.actor = staff;
        this.tokenExpiresAt = expiresAt;
        if (pauseForReplay) {
            held = new ArrayList<>();
        }
        this.paused = pauseForReplay;
        this.state = State.ACTIVE;
    }

    /** Sends the replayed frames, then whatever live frames arrived meanwhile, then everything live. */
    void resume(List<WireFrame> replay) {
        synchronized (this) {
            // The replay may be longer than the slow-client limit; it is what this client asked for.
            replay.forEach(connection::send);
            if (held != null) {
                held.forEach(connection::send);
                held = null;
            }
            paused = false;
        }
        connection.flush();
    }

    /** Queues a frame for the next {@link #flush}: the fan-out queues a batch of events, then flushes once. */
    void queue(WireFrame frame) {
        if (paused) {
            synchronized (this) {
                if (paused) {
                    held.add(frame);
                    return;
                }
            }
        }
        enqueue(frame);
    }

    /** Queues a frame and starts writing it. */
    void send(WireFrame frame) {
        queue(frame);
        flush();
    }

    /** Sends a control frame (not an event). */
    void send(String frame) {
        send(WireFrame.text(frame, false));
    }

    void flush() {
        if (!paused) {
            connection.flush();
        }
    }

    private void enqueue(WireFrame frame) {
        if (connection.send(frame) > maxQueued && state != State.CLOSING) {
            metrics.slowClose();
            closeAfterCurrentWrite(CloseCodes.SLOW_CLIENT);
        }
    }

    /** Drops whatever is still queued and closes with {@code close} once the write that is out is done. */
    void closeAfterCurrentWrite(CloseCodes.Close close) {
        state = State.CLOSING;
        connection.close(close.code(), close.reason());
    }

    /** Drops the connection if a write or the close handshake has been stuck too long. */
    void expireIfStuck(long nanoNow) {
        connection.expireIfStuck(nanoNow);
    }

    /** The entry's frame for this client: staff see what they may read; readers only public frames. */
    WireFrame frameFor(StreamEntry entry) {
        Actor staff = actor;
        if (staff == null) {
            return entry.publicFrame();
        }
        boolean seesAll = staff.is(Role.ADMIN) || staff.is(Role.EDITOR);
        boolean visible = seesAll || entry.ownerId() == null || entry.touchesPublic()
                || staff.id().equals(entry.ownerId());
        return visible ? entry.staffFrame() : null;
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    /** The socket now speaks for the user of this (valid) token, until the token expires or is revoked. */
    void refreshToken(Verification valid) {
        this.token = valid;
        this.actor = valid.actor();
        this.tokenExpiresAt = valid.expiresAt();
    }

    /** The last token the client authenticated with; null on a public socket. */
    Verification token() {
        return token;
    }

    boolean isStaff() {
        return actor != null;
    }

    Actor actor() {
        return actor;
    }

    State state() {
        return state;
    }

    Instant helloDeadline() {
        return helloDeadline;
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    String id() {
        return connection.id();
    }

    /** Which of the fan-out threads writes to this client ({@link FanOutThreads}). */
    int stripe() {
        return stripe;
    }

    boolean isSlowClosing() {
        return state == State.CLOSING;
    }
}
