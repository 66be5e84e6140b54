package io.realtimeblog.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * A daemon thread that follows a topic with a consumer of its own (assigned partitions, no consumer group, so every
 * instance reads everything and nothing rebalances). When the consumer fails, for example while the broker is
 * down, it is closed and a new one is made a second later, until the application stops. Starts before the web
 * server opens and stops after it has closed.
 */
public abstract class PartitionFollower implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final ConsumerFactory<String, String> consumers;
    private final String name;
    private volatile boolean running;
    private volatile Consumer<String, String> consumer;
    private Thread thread;

    /** @param name the thread's name and the consumer's client-id suffix */
    protected PartitionFollower(ConsumerFactory<String, String> consumers, String name) {
        this.consumers = consumers;
        this.name = name;
    }

    /**
     * Assigns, seeks and polls with the given consumer while {@link #isRunning()}. A {@link RuntimeException}
     * closes the consumer and calls this again with a new one.
     */
    protected abstract void follow(Consumer<String, String> consumer);

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Consumer<String, String> c = consumers.createConsumer(null, name)) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("{} failed ({}); reconnecting", name, e.toString());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
