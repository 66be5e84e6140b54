package io.realtimeblog.realtime.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On every instance, once a second: ends the leases (of any instance) that were not renewed in time and
 * announces the editors who are gone, so a crashed instance's editors disappear within the lease time. On
 * shutdown ends this instance's leases at once.
 */
@Component
public class PresenceSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);

    private final PresenceLeases leases;
    private final PresenceAnnouncer announcer;
    private final Clock clock;
    /** Created and shut down by the application's lifecycle thread only. */
    private ScheduledExecutorService timer;
    /** Volatile: written by the lifecycle thread, read by Spring on any thread. */
    private volatile boolean running;

    PresenceSweeper(PresenceLeases leases, PresenceAnnouncer announcer, Clock clock) {
        this.leases = leases;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Ends the leases that expired before {@code now} and announces the editors who are gone. */
    public void sweep(Instant now) {
        announcer.stopped(leases.sweep(now));
    }

    private void sweepNow() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            log.debug("Presence sweep failed; the next one retries: {}", e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "presence-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::sweepNow, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        try {
            announcer.stopped(leases.endInstance());
        } catch (RuntimeException e) {
            log.info("Presence leases of this instance left to expire: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (no presence frame can arrive any more), before the Kafka stream stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
