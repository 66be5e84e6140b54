package io.realtimeblog.realtime.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.RealtimeProperties;

/**
 * Once a second: closes sockets that never said hello, whose token expired without an in-band refresh, or that
 * went silent; drops connections whose write or close handshake is stuck; sends heartbeats. On shutdown tells every client to reconnect (elsewhere) before the web server
 * stops.
 */
@Component
class RealtimeTicker implements SmartLifecycle {

    private final RealtimeSessions sessions;
    private final RealtimeProperties properties;
    private final String heartbeat = "{\"type\":\"heartbeat\"}";
    /** Created and shut down by the application's lifecycle thread only. */
    private ScheduledExecutorService timer;
    /** Confined to the ticker thread ({@link #tick}). */
    private Instant nextHeartbeat = Instant.EPOCH;
    /** Volatile: written by the lifecycle thread, read by Spring on any thread. */
    private volatile boolean running;

    RealtimeTicker(RealtimeSessions sessions, RealtimeProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    void tick() {
        Instant now = sessions.now();
        long nanoNow = System.nanoTime();
        boolean beat = !now.isBefore(nextHeartbeat);
        if (beat) {
            nextHeartbeat = now.plus(properties.heartbeatInterval());
        }
        for (ClientSession session : sessions.all()) {
            session.expireIfStuck(nanoNow);
            switch (session.state()) {
                case AWAITING_HELLO -> {
                    if (now.isAfter(session.helloDeadline())) {
                        session.closeAfterCurrentWrite(CloseCodes.HELLO_TIMEOUT);
                    }
                }
                case ACTIVE -> {
                    if (session.isStaff() && session.tokenExpiresAt() != null
                            && now.isAfter(session.tokenExpiresAt())) {
                        session.closeAfterCurrentWrite(CloseCodes.REAUTHENTICATE);
                    } else if (Duration.between(session.lastHeard(), now).compareTo(properties.idleTimeout()) > 0) {
                        session.closeAfterCurrentWrite(CloseCodes.IDLE);
                    } else if (beat) {
                        session.send(heartbeat);
                    }
                }
                case CLOSING -> { }
            }
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "realtime-ticker");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        for (ClientSession session : sessions.all()) {
            session.closeAfterCurrentWrite(CloseCodes.SERVER_RESTART);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server shuts down, so clients hear "reconnect" rather than a dropped connection. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
