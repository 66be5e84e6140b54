package io.realtimeblog.posts.rendering;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes stored {@code body_html} current: once the application is ready, a background thread re-renders every
 * post whose HTML was made by an older {@link MarkdownRenderer#VERSION}, so a sanitiser fix reaches every post
 * without anyone editing it. Rows are read in batches by id; nothing is held in memory between them.
 * <p>
 * Safe with any number of instances: each row is written with a conditional UPDATE that only matches while the
 * row is still at the {@code version} it was read at and at an older renderer version. An edit that commits in
 * between (which renders the body itself) wins, and a row another instance refreshed first is skipped. The
 * refresh changes neither the post's {@code version} nor its {@code updatedAt}: the content did not change, so
 * no event is sent and no editor's save becomes stale.
 */
@Component
class BodyHtmlRefresher {

    private static final Logger log = LoggerFactory.getLogger(BodyHtmlRefresher.class);
    private static final int BATCH = 100;

    private static final String OUTDATED = "SELECT id, version, body FROM posts WHERE body_html_version < ? "
            + "AND id > ? ORDER BY id LIMIT " + BATCH;
    private static final String REFRESH = "UPDATE posts SET body_html = ?, body_html_version = ? "
            + "WHERE id = ? AND version = ? AND body_html_version < ?";

    private final JdbcTemplate jdbc;
    private final MarkdownRenderer markdown;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "body-html-refresher");
        thread.setDaemon(true);
        return thread;
    });

    BodyHtmlRefresher(JdbcTemplate jdbc, MarkdownRenderer markdown) {
        this.jdbc = jdbc;
        this.markdown = markdown;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        worker.execute(() -> {
            try {
                int refreshed = refreshAll();
                if (refreshed > 0) {
                    log.info("Re-rendered the HTML of {} posts with renderer version {}", refreshed,
                            MarkdownRenderer.VERSION);
                }
            } catch (RuntimeException e) {
                // The database went away, or similar: the rows stay outdated and the next start tries again.
                log.warn("Re-rendering outdated post HTML stopped: {}", e.toString());
            }
        });
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        worker.shutdownNow();
    }

    /**
     * Re-renders every outdated row, batch by batch.
     *
     * @return how many rows this call wrote
     */
    int refreshAll() {
        int refreshed = 0;
        String after = "";
        while (!Thread.currentThread().isInterrupted()) {
            List<Outdated> rows = jdbc.query(OUTDATED, (row, i) -> new Outdated(row.getString(1), row.getLong(2),
                    row.getString(3)), MarkdownRenderer.VERSION, after);
            for (Outdated row : rows) {
                if (refresh(row.id(), row.version(), row.body())) {
                    refreshed++;
                }
            }
            if (rows.size() < BATCH) {
                return refreshed;
            }
            after = rows.get(rows.size() - 1).id();
        }
        return refreshed;
    }

    /**
     * Writes the current rendering of {@code body}, if the row is still at {@code version} and still outdated.
     *
     * @return whether this call wrote it
     */
    boolean refresh(String id, long version, String body) {
        String html = markdown.renderStored(body);
        return jdbc.update(REFRESH, html, MarkdownRenderer.VERSION, id, version, MarkdownRenderer.VERSION) == 1;
    }

    private record Outdated(String id, long version, String body) {
    }
}
