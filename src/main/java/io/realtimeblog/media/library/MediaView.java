package io.realtimeblog.media.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.media.MediaSnapshot;

/**
 * An image as the API returns it (docs/rest-api.md): {@code url} is the original-size rendition, {@code variants}
 * the narrower ones (widest first), {@code usedBy} the posts that use it (a cover or a Markdown image).
 */
public record MediaView(UUID id, String url, String contentType, int width, int height, long bytes, String alt,
        List<MediaSnapshot.Variant> variants, Instant createdAt, MediaSnapshot.Uploader uploadedBy, long version,
        List<PostRef> usedBy) {

    /** A post that uses the image. */
    public record PostRef(UUID id, String title) {
    }

    static MediaView of(MediaRow row, List<PostRef> usedBy) {
        List<MediaSnapshot.Variant> variants = row.renditions().stream().filter(r -> r.width() != row.width())
                .map(r -> new MediaSnapshot.Variant(r.width(), MediaRow.url(row.id(), r.width(), r.contentType())))
                .toList();
        return new MediaView(row.id(), MediaRow.url(row.id(), row.width(), row.contentType()), row.contentType(),
                row.width(), row.height(), row.bytes(), row.alt(), variants, row.createdAt(),
                new MediaSnapshot.Uploader(row.uploaderId(), row.uploaderName()), row.version(), List.copyOf(usedBy));
    }

    MediaSnapshot snapshot() {
        return new MediaSnapshot(id, url, contentType, width, height, bytes, alt, variants, createdAt, uploadedBy,
                version);
    }
}
