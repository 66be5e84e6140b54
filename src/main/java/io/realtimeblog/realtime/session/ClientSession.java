package io.realtimeblog.realtime.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.realtimeblog.auth.AccessTokenVerifier.Verification;
import io.realtimeblog.posts.PostAudience;
import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.stream.StreamEntry;
import io.realtimeblog.realtime.wire.WebSocketConnection;
import io.realtimeblog.realtime.wire.WireFrame;
import io.realtimeblog.users.Actor;

/**
 * One connected client: its audience, its token's expiry, and its connection, whose bounded queue of frames
 * keeps a slow client from holding up the fan-out or the other clients. A client with more than
 * {@code maxQueued} frames waiting is closed with {@link CloseCodes#SLOW_CLIENT} once the write that is out is
 * done.
 */
public final class ClientSession {

    public enum State { AWAITING_HELLO, ACTIVE, CLOSING }

    /** Draws each session's stripe; sessions open on many of Tomcat's threads at once. */
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final WebSocketConnection connection;
    private final RealtimeMetrics metrics;
    private final int maxQueued;
    private final Instant helloDeadline;
    private final int stripe = OPENED.getAndIncrement() & Integer.MAX_VALUE;
    /**
     * ACTIVE set by {@code activate} (under the fan-out lock) unless the session is closing, CLOSING by any thread
     * that closes; atomic, so a close that races a hello's join is never undone by it. CLOSING is final.
     */
    private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_HELLO);
    /** Written under this session's monitor; volatile so that {@link #queue} checks it without the lock first. */
    private volatile boolean paused;
    /** Guarded by this session's monitor: live frames that arrived while the replay was being prepared. */
    private List<WireFrame> held;
    /**
     * Volatile: set by {@link #resume} (under this monitor), cleared by whichever thread queues a frame; while
     * paused every {@link #queue} waits for the monitor, so a clear never races the set.
     */
    private volatile int replayAllowance;
    /**
     * Volatile, like {@code tokenExpiresAt} and {@code token}: written on the socket's lane ({@code hello},
     * {@code auth}: a work thread, or the socket's thread for a public hello), read by the stream, replay, ticker, scheduler and presence threads. Written one after another,
     * not atomically: a reader may pair the new token's user (always the same user) with the old expiry.
     */
    private volatile Actor actor;
    private volatile Instant tokenExpiresAt;
    private volatile Verification token;
    /** Volatile: written on the socket's thread, read by the ticker. */
    private volatile Instant lastHeard;

    public ClientSession(WebSocketConnection connection, RealtimeMetrics metrics, int maxQueued, Instant now,
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
        state.getAndUpdate(current -> current == State.CLOSING ? State.CLOSING : State.ACTIVE);
    }

    /** Sends the replayed frames, then whatever live frames arrived meanwhile, then everything live. */
    public void resume(List<WireFrame> replay) {
        synchronized (this) {
            // The replay (and what was held behind it) may be longer than the slow-client limit; it is what this
            // client asked for, so the limit counts from its end until the client has read its way below it.
            replayAllowance = replay.size() + (held == null ? 0 : held.size());
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
    public void send(WireFrame frame) {
        queue(frame);
        flush();
    }

    /** Sends a control frame (not an event). */
    public void send(String frame) {
        send(WireFrame.text(frame, false));
    }

    void flush() {
        if (!paused) {
            connection.flush();
        }
    }

    private void enqueue(WireFrame frame) {
        int waiting = connection.send(frame);
        if (waiting <= maxQueued) {
            replayAllowance = 0;
        } else if (waiting > maxQueued + replayAllowance && state.get() != State.CLOSING) {
            metrics.slowClose();
            closeAfterCurrentWrite(CloseCodes.SLOW_CLIENT);
        }
    }

    /** Drops whatever is still queued and closes with {@code close} once the write that is out is done. */
    public void closeAfterCurrentWrite(CloseCodes.Close close) {
        if (state.getAndSet(State.CLOSING) != State.CLOSING) {
            metrics.closed(close.code());
        }
        connection.close(close.code(), close.reason());
    }

    /** Drops the connection if a write or the close handshake has been stuck too long. */
    void expireIfStuck(long nanoNow) {
        connection.expireIfStuck(nanoNow);
    }

    /**
     * The entry's frame for this client, as live delivery sends it ({@link PostPermissions} on the post's state after
     * the change): the full frame when the client may see the post now, else its removal when it could see the
     * post before, else nothing.
     */
    WireFrame frameFor(StreamEntry entry) {
        Actor viewer = actor;
        if (entry.staffOnly()) {
            return viewer == null ? null : entry.staffFrame();
        }
        if (PostPermissions.canSee(viewer, entry.ownerId(), entry.status())) {
            return viewer == null ? entry.publicFrame() : entry.staffFrame();
        }
        return removalFor(entry, viewer);
    }

    /**
     * The entry's frame for this client in a replay, decided by the post as it is now ({@code now}; null when the
     * post no longer exists): a post the client may still see is replayed as it was; of any other, only removals.
     */
    public WireFrame replayFrameFor(StreamEntry entry, PostAudience now) {
        Actor viewer = actor;
        if (entry.staffOnly()) {
            return frameFor(entry);
        }
        return now != null && now.visibleTo(viewer) ? frameFor(entry) : removalFor(entry, viewer);
    }

    /**
     * The entry as a removal, without content, or null if it is none: a delete (staff all hear of it; readers if
     * the post was public), or a public post that stopped being public (its reduced public form, for staff too).
     */
    private static WireFrame removalFor(StreamEntry entry, Actor viewer) {
        if (entry.deleted()) {
            return viewer == null ? entry.publicFrame() : entry.staffFrame();
        }
        return entry.wasPublic() && !PostPermissions.isPublic(entry.status()) ? entry.publicFrame() : null;
    }

    public void heard(Instant now) {
        lastHeard = now;
    }

    /** The socket now speaks for the user of this (valid) token, until the token expires or is revoked. */
    public void refreshToken(Verification valid) {
        this.token = valid;
        this.actor = valid.actor();
        this.tokenExpiresAt = valid.expiresAt();
    }

    /** The last token the client authenticated with; null on a public socket. */
    Verification token() {
        return token;
    }

    public boolean isStaff() {
        return actor != null;
    }

    public Actor actor() {
        return actor;
    }

    public State state() {
        return state.get();
    }

    Instant helloDeadline() {
        return helloDeadline;
    }

    Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public Instant lastHeard() {
        return lastHeard;
    }

    public String id() {
        return connection.id();
    }

    /** Which of the fan-out threads writes to this client ({@link FanOutThreads}). */
    int stripe() {
        return stripe;
    }

    public boolean isSlowClosing() {
        return state.get() == State.CLOSING;
    }
}
