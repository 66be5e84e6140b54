package io.realtimeblog.realtime.protocol;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.realtimeblog.realtime.RealtimeProperties;

/**
 * Runs what the clients' frames ask for, which may wait on the database or Kafka, on threads of its own
 * ({@code realtime-work-N}, {@code blog.realtime.work-threads}) instead of the socket's thread, which only reads,
 * decodes and hands over. Each socket has a {@link Lane}: its tasks run in the order they were handed in, one at a
 * time (the next starts after the previous one ended), so its replies keep the order of its frames. A task that never
 * waits runs at once on the caller's thread when its lane is idle. A lane with
 * work takes a thread for one task, then queues again behind the other lanes, so a socket whose task waits holds
 * one thread, not the others' turns. At most {@code blog.realtime.max-pending-frames} tasks wait in a lane; the
 * caller refuses the frame that finds it full.
 */
@Component
class SocketWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketWork.class);
    /** How long the application's stop waits for the tasks under way before it interrupts them. */
    private static final long STOP_WAIT_SECONDS = 5;

    private final int size;
    private final int maxPending;
    /**
     * Volatile: created by {@link #start} and shut down by {@link #stop} on the application's lifecycle thread (a
     * test context is stopped and started again when tests switch contexts), read by whoever schedules a turn.
     * Thread-safe; its queue holds at most one turn per lane, so it is bounded by the number of sockets.
     */
    private volatile ThreadPoolExecutor threads;

    SocketWork(RealtimeProperties properties) {
        this.size = properties.workThreads();
        this.maxPending = properties.maxPendingFrames();
    }

    /** A new socket's lane. */
    Lane lane() {
        return new Lane();
    }

    /** One socket's tasks, run one after another on the pool. */
    final class Lane {

        /** Guarded by this lane's monitor, a leaf: nothing else is locked, and nothing runs, while it is held. */
        private final Queue<Runnable> waiting = new ArrayDeque<>();
        /** Guarded by this lane's monitor: a turn is queued on the pool or running. */
        private boolean scheduled;
        /** Guarded by this lane's monitor: the socket ended; nothing more is taken. */
        private boolean ended;

        private Lane() {
        }

        /**
         * Queues the task behind the lane's others; false, without queueing it, when the lane is full. A task
         * handed to an ended lane is dropped (true: there is no client left to refuse).
         */
        boolean offer(Runnable task) {
            synchronized (this) {
                if (ended) {
                    return true;
                }
                if (waiting.size() >= maxPending) {
                    return false;
                }
                waiting.add(task);
                if (scheduled) {
                    return true;
                }
                scheduled = true;
            }
            schedule();
            return true;
        }

        /**
         * Runs the task here, on the calling thread, when nothing of the lane waits or runs (it cannot be overtaken
         * by anything then); otherwise queues it like {@link #offer}. For tasks that never wait.
         */
        boolean runHereOrOffer(Runnable task) {
            boolean idle;
            synchronized (this) {
                // If idle, a turn of its own on this thread: whatever is offered meanwhile queues behind it.
                idle = !ended && !scheduled;
                scheduled |= idle;
            }
            if (!idle) {
                return offer(task);
            }
            run(task);
            afterTurn();
            return true;
        }

        /**
         * The socket ended: drops the tasks that wait and queues {@code last} behind the one running, if any; later
         * offers are dropped.
         */
        void end(Runnable last) {
            synchronized (this) {
                if (ended) {
                    return;
                }
                ended = true;
                waiting.clear();
                waiting.add(last);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            schedule();
        }

        private void schedule() {
            try {
                ThreadPoolExecutor pool = threads;
                if (pool == null) {
                    throw new RejectedExecutionException("not started");
                }
                pool.execute(this::turn);
            } catch (RejectedExecutionException stopped) {
                // The application stopped: its shutdown ends this instance's leases (PresenceSweeper).
                synchronized (this) {
                    waiting.clear();
                    scheduled = false;
                }
                log.debug("Socket work dropped, the application is stopping");
            }
        }

        /** Runs the lane's next task, then queues the lane again if more wait. */
        private void turn() {
            Runnable task;
            synchronized (this) {
                task = waiting.poll();
            }
            run(task);
            afterTurn();
        }

        private void afterTurn() {
            synchronized (this) {
                if (waiting.isEmpty()) {
                    scheduled = false;
                    return;
                }
            }
            schedule();
        }

        private static void run(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Socket work failed", e);
            }
        }
    }

    @Override
    public void start() {
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "realtime-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets the tasks under way and waiting finish (up to a few seconds), then interrupts what is left. */
    @Override
    public void stop() {
        ThreadPoolExecutor pool = threads;
        threads = null;
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }

    /**
     * Stops after the web server (no frame arrives any more) and before {@code PresenceSweeper}, which then ends
     * this instance's leases, so no lease is written after that.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2560;
    }
}
