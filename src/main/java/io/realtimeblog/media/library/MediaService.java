package io.realtimeblog.media.library;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.realtimeblog.media.MediaCreated;
import io.realtimeblog.media.MediaDeleted;
import io.realtimeblog.media.MediaSnapshot;
import io.realtimeblog.media.MediaUpdated;
import io.realtimeblog.media.processing.ImageProcessor;
import io.realtimeblog.media.processing.ProcessedImage;
import io.realtimeblog.media.storage.MediaStore;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/**
 * Uploads, alt-text changes and deletes. An upload is processed first (no transaction, no lock: only a decode
 * slot, {@link ImageProcessor}), its renditions are put in the store, and only then are the rows and the
 * {@code media-created} event committed together; if that commit fails, the stored renditions are removed again.
 * A delete commits the rows' removal with its event and removes the renditions from the store after the commit.
 * Every staff member may upload and see the library; the uploader, ADMIN and EDITOR may edit or delete an image.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    private final ImageProcessor processor;
    private final MediaStore store;
    private final MediaRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MediaService(ImageProcessor processor, MediaStore store, MediaRepository repository,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.processor = processor;
        this.store = store;
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    MediaView upload(Actor actor, byte[] bytes, String alt) {
        ProcessedImage image = processor.process(bytes);
        UUID id = UUID.randomUUID();
        List<MediaRow.RenditionRow> renditions = new ArrayList<>();
        try {
            for (ProcessedImage.Rendition r : image.renditions()) {
                String key = MediaRow.storageKey(id, r.width(), image.format());
                store.put(key, r.bytes(), image.format().contentType());
                renditions.add(new MediaRow.RenditionRow(r.width(), r.height(), image.format().contentType(),
                        r.bytes().length, etag(r.bytes()), key));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ProcessedImage.Rendition original = image.original();
            MediaRow row = new MediaRow(id, actor.id(), actor.name(), alt, image.format().contentType(),
                    original.width(), original.height(), original.bytes().length, now, 1, List.copyOf(renditions));
            MediaView view = MediaView.of(row, List.of());
            transactions.executeWithoutResult(status -> {
                repository.insert(row);
                events.publishEvent(new MediaCreated(view.snapshot(), uploader(actor), now));
            });
            return view;
        } catch (RuntimeException e) {
            remove(renditions.stream().map(MediaRow.RenditionRow::storageKey).toList());
            throw e;
        }
    }

    MediaView get(UUID id) {
        MediaRow row = repository.find(id).orElseThrow(() -> MediaProblems.notFound(id));
        return MediaView.of(row, repository.usage(List.of(id)).getOrDefault(id, List.of()));
    }

    MediaPage list(UUID uploader, int page, int size) {
        List<MediaRow> rows = repository.page(uploader, page, size);
        Map<UUID, List<MediaView.PostRef>> usage = repository.usage(rows.stream().map(MediaRow::id).toList());
        long total = repository.count(uploader);
        return new MediaPage(rows.stream().map(row -> MediaView.of(row, usage.getOrDefault(row.id(), List.of())))
                .toList(), page, size, total, (int) ((total + size - 1) / size));
    }

    MediaView updateAlt(Actor actor, UUID id, String alt) {
        return transactions.execute(status -> {
            MediaRow row = repository.find(id).orElseThrow(() -> MediaProblems.notFound(id));
            mayChange(actor, row);
            Instant now = clock.instant();
            if (!repository.updateAlt(id, row.version(), alt, now)) {
                throw MediaProblems.concurrentChange();
            }
            MediaRow changed = repository.find(id).orElseThrow(MediaProblems::concurrentChange);
            MediaView view = MediaView.of(changed, repository.usage(List.of(id)).getOrDefault(id, List.of()));
            events.publishEvent(new MediaUpdated(view.snapshot(), uploader(actor), now));
            return view;
        });
    }

    void delete(Actor actor, UUID id, boolean force) {
        transactions.executeWithoutResult(status -> {
            MediaRow row = repository.find(id).orElseThrow(() -> MediaProblems.notFound(id));
            mayChange(actor, row);
            List<MediaView.PostRef> usedBy = repository.usage(List.of(id)).getOrDefault(id, List.of());
            if (force && !managesEverything(actor)) {
                throw MediaProblems.forbidden("Only ADMIN and EDITOR may delete an image that posts use.");
            }
            if (!usedBy.isEmpty() && !force) {
                throw MediaProblems.inUse(usedBy);
            }
            if (!repository.delete(id, row.version())) {
                throw MediaProblems.concurrentChange();
            }
            events.publishEvent(new MediaDeleted(id, row.version() + 1, uploader(actor), clock.instant()));
            List<String> keys = row.renditions().stream().map(MediaRow.RenditionRow::storageKey).toList();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remove(keys);
                }
            });
        });
    }

    private static boolean managesEverything(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.EDITOR);
    }

    private static void mayChange(Actor actor, MediaRow row) {
        if (!managesEverything(actor) && !actor.id().equals(row.uploaderId())) {
            throw MediaProblems.forbidden("Only the uploader, ADMIN and EDITOR may change or delete an image.");
        }
    }

    /** Best effort: a rendition left behind is unreachable (no row names it) and only costs space. */
    private void remove(List<String> keys) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                log.warn("Could not remove the rendition {} from the media store: {}", key, e.toString());
            }
        }
    }

    private static MediaSnapshot.Uploader uploader(Actor actor) {
        return new MediaSnapshot.Uploader(actor.id(), actor.name());
    }

    /** A strong validator: the same bytes always get the same tag, on every instance. */
    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
