package io.realtimeblog.realtime.session;

import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.realtimeblog.realtime.RealtimeProperties;

/**
 * Writes the clients' waiting frames on several threads at once: after each batch of entries the clients are
 * split into stripes (by a number each session drew when it opened) and every stripe is flushed on its own
 * thread, the stream thread taking the first. The stream thread waits for all of them before it reads on, so
 * while writes are slow the next batch grows and each client gets more frames per socket write.
 */
@Component
class FanOutThreads implements DisposableBean {

    private final int stripes;
    /** The stripes other than 0 ({@code realtime-fan-out-N}); null with one stripe. Thread-safe. */
    private final ExecutorService threads;

    FanOutThreads(RealtimeProperties properties) {
        this.stripes = properties.fanOutThreads();
        AtomicInteger count = new AtomicInteger();
        this.threads = stripes == 1 ? null : Executors.newFixedThreadPool(stripes - 1, r -> {
            Thread thread = new Thread(r, "realtime-fan-out-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void flush(Collection<ClientSession> sessions) {
        if (threads == null) {
            sessions.forEach(ClientSession::flush);
            return;
        }
        CountDownLatch others = new CountDownLatch(stripes - 1);
        for (int stripe = 1; stripe < stripes; stripe++) {
            int mine = stripe;
            threads.execute(() -> {
                try {
                    flushStripe(sessions, mine);
                } finally {
                    others.countDown();
                }
            });
        }
        flushStripe(sessions, 0);
        boolean interrupted = false;
        while (true) {
            try {
                others.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void flushStripe(Collection<ClientSession> sessions, int stripe) {
        for (ClientSession session : sessions) {
            if (session.stripe() % stripes == stripe) {
                session.flush();
            }
        }
    }

    @Override
    public void destroy() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
