package io.realtimeblog.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An image as the library shows it, after a change: the JSON shape of {@code GET /api/media/{id}} without the
 * posts that use it, and the {@code media} of a {@code media-*} event.
 *
 * @param url the original-size rendition
 * @param variants the narrower renditions, widest first
 * @param bytes the size of the original-size rendition
 * @param version grows by one on every change (an alt-text edit); a delete carries the last version plus one
 */
public record MediaSnapshot(UUID id, String url, String contentType, int width, int height, long bytes, String alt,
        List<Variant> variants, Instant createdAt, Uploader uploadedBy, long version) {

    /** A narrower rendition. */
    public record Variant(int width, String url) {
    }

    /** Who uploaded the image. */
    public record Uploader(UUID id, String name) {
    }
}
