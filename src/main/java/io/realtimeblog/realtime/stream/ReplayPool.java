package io.realtimeblog.realtime.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.realtimeblog.kafka.BlogKafkaProperties;
import io.realtimeblog.posts.PostAudience;
import io.realtimeblog.posts.PostAudiences;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;

/**
 * Serves the replays of resuming clients on {@code blog.realtime.replay-threads} threads of its own, never on a
 * socket or request thread. A free thread takes every waiting replay from memory at once, or else the waiting
 * replay from Kafka with the oldest position together with every other one that starts within
 * {@code blog.realtime.recent-events} of it: one Kafka read (by the thread's own consumer, so there are never more
 * replay consumers than threads) serves them all. Either way, one query per batch looks up the replayed posts as
 * they are now ({@link PostAudiences}), which decides what each client is sent (see
 * {@code ClientSession.replayFrameFor}). When a resume storm comes (an instance died and its clients all resume
 * here), replays wait in line and share reads, and requests to the REST API keep their threads.
 */
@Component
public class ReplayPool implements DisposableBean {

    /** A replay to serve: from memory ({@code fromMemory}) or else from Kafka, positions (since, upTo]. */
    public record Request(long since, long upTo, List<StreamEntry> fromMemory, Done done) {

        public boolean fromKafka() {
            return fromMemory == null;
        }
    }

    /** What a served request gets: its entries and the posts' current audiences, or null if it cannot be served. */
    public interface Done {
        void replayed(List<StreamEntry> entries, Map<UUID, PostAudience> now);
    }

    static final Duration MAX_READ = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ReplayPool.class);
    private static final int IDS_PER_QUERY = 1000;

    /** Guarded by its own monitor: submitted on Tomcat's threads, taken by the replay threads. */
    private final List<Request> waiting = new ArrayList<>();
    private final PostAudiences audiences;
    private final RealtimeMetrics metrics;
    private final long shareSpan;
    /** Filled in the constructor, read by {@link #destroy}; never changed in between. */
    private final List<Thread> threads = new ArrayList<>();
    /** Volatile: cleared by the thread that stops the application, read by the replay threads. */
    private volatile boolean running = true;

    ReplayPool(RealtimeProperties properties, ConsumerFactory<String, String> consumers, EntryFactory entries,
            PostAudiences audiences, RealtimeMetrics metrics,
            BlogKafkaProperties kafkaProperties) {
        this.audiences = audiences;
        this.metrics = metrics;
        this.shareSpan = properties.recentEvents();
        for (int i = 1; i <= properties.replayThreads(); i++) {
            KafkaReplay reader = new KafkaReplay(consumers, entries, kafkaProperties.topic().name(), MAX_READ);
            Thread thread = new Thread(() -> work(reader), "realtime-replay-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        metrics.watchReplays(this::waiting);
    }

    /** Queues the request; a replay thread serves it soon. */
    public void submit(Request request) {
        synchronized (waiting) {
            waiting.add(request);
            waiting.notify();
        }
    }

    private void work(KafkaReplay reader) {
        try (reader) {
            while (running) {
                List<Request> batch = next();
                if (batch == null) {
                    return;
                }
                serve(batch, reader);
            }
        }
    }

    private void serve(List<Request> batch, KafkaReplay reader) {
        List<StreamEntry> read = null;
        if (batch.get(0).fromKafka()) {
            long since = batch.stream().mapToLong(Request::since).min().orElseThrow();
            long upTo = batch.stream().mapToLong(Request::upTo).max().orElseThrow();
            metrics.replayRead();
            read = reader.read(since, upTo);
        }
        Map<UUID, PostAudience> now = null;
        if (!batch.get(0).fromKafka() || read != null) {
            now = currentAudiences(batch, read);
        }
        for (Request request : batch) {
            List<StreamEntry> entries = now == null ? null
                    : request.fromKafka() ? slice(read, request.since(), request.upTo()) : request.fromMemory();
            try {
                request.done().replayed(entries, now);
            } catch (RuntimeException e) {
                log.warn("Finishing a replay failed: {}", e.toString());
            }
        }
    }

    /** The batch's posts as they are now, in one query per thousand posts; null if the database did not answer. */
    private Map<UUID, PostAudience> currentAudiences(List<Request> batch, List<StreamEntry> read) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (read != null) {
            read.stream().filter(entry -> !entry.staffOnly()).forEach(entry -> ids.add(entry.postId()));
        } else {
            batch.forEach(request -> request.fromMemory().stream().filter(entry -> !entry.staffOnly())
                    .forEach(entry -> ids.add(entry.postId())));
        }
        Map<UUID, PostAudience> now = new HashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        try {
            for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
                now.putAll(audiences.of(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY))));
            }
            return now;
        } catch (DataAccessException e) {
            log.warn("Replay of {} resume(s) not served, the posts could not be looked up: {}", batch.size(),
                    e.toString());
            return null;
        }
    }

    private static List<StreamEntry> slice(List<StreamEntry> read, long since, long upTo) {
        return read.stream().filter(entry -> entry.position() > since && entry.position() <= upTo).toList();
    }

    /**
     * The next batch, waiting for one: every waiting replay from memory, else the oldest Kafka replay and the
     * others that start near it. Null once the pool stops.
     */
    private List<Request> next() {
        synchronized (waiting) {
            while (waiting.isEmpty()) {
                if (!running) {
                    return null;
                }
                try {
                    waiting.wait();
                } catch (InterruptedException e) {
                    return null;
                }
            }
            boolean memory = waiting.stream().anyMatch(request -> !request.fromKafka());
            long oldest = waiting.stream().mapToLong(Request::since).min().orElseThrow();
            List<Request> batch = new ArrayList<>();
            for (Iterator<Request> it = waiting.iterator(); it.hasNext(); ) {
                Request request = it.next();
                if (memory ? !request.fromKafka() : request.since() - oldest <= shareSpan) {
                    batch.add(request);
                    it.remove();
                }
            }
            return batch;
        }
    }

    /** How many replays wait for a thread (for tests and metrics). */
    int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    @Override
    public void destroy() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
