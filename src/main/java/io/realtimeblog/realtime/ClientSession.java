package io.realtimeblog.realtime;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * One connected client: its audience, its token's expiry, and a bounded queue of frames that a sender thread
 * writes to the socket, so that a slow client never holds up the fan-out or the other clients. A client whose
 * queue overflows is closed with {@link CloseCodes#SLOW_CLIENT} once the frame being written is out.
 */
final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    enum State { AWAITING_HELLO, ACTIVE, CLOSING }

    private static final String EVENT_PREFIX = "{\"type\":\"event\"";

    private final WebSocketSession socket;
    private final FrameWriter writer;
    private final Executor senders;
    private final RealtimeMetrics metrics;
    private final int maxQueued;
    private final ConcurrentLinkedDeque<Object> queue = new ConcurrentLinkedDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Instant helloDeadline;
    private volatile State state = State.AWAITING_HELLO;
    private volatile boolean paused;
    private volatile Actor actor;
    private volatile Instant tokenExpiresAt;
    private volatile Instant lastHeard;

    ClientSession(WebSocketSession socket, Executor senders, RealtimeMetrics metrics, int maxQueued, Instant now,
            Instant helloDeadline) {
        this.socket = socket;
        this.writer = FrameWriter.of(socket);
        this.senders = senders;
        this.metrics = metrics;
        this.maxQueued = maxQueued;
        this.lastHeard = now;
        this.helloDeadline = helloDeadline;
    }

    /** Becomes active; while {@code paused} live frames queue up behind the replay that is still to come. */
    void activate(Actor staff, Instant expiresAt, boolean pauseForReplay) {
        this.actor = staff;
        this.tokenExpiresAt = expiresAt;
        this.paused = pauseForReplay;
        this.state = State.ACTIVE;
    }

    /** Puts replayed frames in front of whatever live frames arrived meanwhile, then starts sending. */
    void resume(List<String> replay) {
        for (int i = replay.size() - 1; i >= 0; i--) {
            queue.offerFirst(replay.get(i));
            queued.incrementAndGet();
        }
        paused = false;
        schedule();
    }

    /** Queues a frame; closes the client as slow if too many are waiting. */
    void send(String frame) {
        if (state == State.CLOSING) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued && !paused) {
            metrics.slowClose();
            closeAfterCurrentWrite(CloseCodes.SLOW_CLIENT);
            return;
        }
        queue.offer(frame);
        schedule();
    }

    /** Drops whatever is still queued and closes with {@code status} once the frame being written is out. */
    void closeAfterCurrentWrite(CloseStatus status) {
        if (state == State.CLOSING) {
            return;
        }
        state = State.CLOSING;
        queue.clear();
        queued.set(1);
        queue.offer(status);
        paused = false;
        schedule();
    }

    private void schedule() {
        if (!paused && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            senders.execute(this::sendNext);
        }
    }

    /**
     * Writes the queued frames one after another without blocking a thread: each write completes in the
     * background, and its completion goes on with the next frame on the thread that completed it (no hand-off
     * back to the sender pool per frame). A write that completes at once, inside {@code write}, is followed by a
     * turn of this loop rather than a nested call, so a long queue never deepens the stack. A client that stops
     * reading therefore ties up no thread at all, only its own bounded queue.
     */
    private void sendNext() {
        while (true) {
            Object next = paused ? null : queue.poll();
            if (next == null) {
                draining.set(false);
                // A frame queued after the poll but before the flag was cleared would otherwise wait.
                if (paused || queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            queued.decrementAndGet();
            if (next instanceof CloseStatus status) {
                // Closing may wait for the close frame to go out: on the sender pool, not a container thread.
                senders.execute(() -> close(status));
                return;
            }
            if (!write((String) next)) {
                return;
            }
        }
    }

    /** Starts writing one frame; true when it completed at once and the caller should go on with the next. */
    private boolean write(String frame) {
        // 0: writing; 1: the caller has returned (the completion goes on); 2: completed inline (the caller goes on)
        AtomicInteger turn = new AtomicInteger();
        try {
            writer.write(frame, failure -> {
                if (failure != null) {
                    log.debug("Write to {} failed: {}", socket.getId(), failure.toString());
                    close(CloseStatus.SERVER_ERROR);
                    return;
                }
                if (isEvent(frame)) {
                    metrics.delivered(isStaff());
                }
                if (!turn.compareAndSet(0, 2)) {
                    sendNext();
                }
            });
        } catch (RuntimeException e) {
            log.debug("Write to {} failed: {}", socket.getId(), e.toString());
            close(CloseStatus.SERVER_ERROR);
            return false;
        }
        return !turn.compareAndSet(0, 1);
    }

    /** Event frames start with their type (EntryFactory writes it first); other frames are control frames. */
    private static boolean isEvent(String frame) {
        return frame.startsWith(EVENT_PREFIX);
    }

    private void close(CloseStatus status) {
        state = State.CLOSING;
        try {
            socket.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Close of {} failed: {}", socket.getId(), e.toString());
        }
    }

    /** Whether this client may receive the entry: staff see what they may read; readers only public frames. */
    String frameFor(StreamEntry entry) {
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

    void refreshToken(Actor staff, Instant expiresAt) {
        this.actor = staff;
        this.tokenExpiresAt = expiresAt;
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
        return socket.getId();
    }

    boolean isSlowClosing() {
        return state == State.CLOSING;
    }
}
