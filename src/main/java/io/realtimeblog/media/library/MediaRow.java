package io.realtimeblog.media.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.media.processing.ImageFormat;

/** One image as the database holds it, with its renditions (the original size first, then widest to narrowest). */
record MediaRow(UUID id, UUID uploaderId, String uploaderName, String alt, String contentType, int width,
        int height, long bytes, Instant createdAt, long version, List<RenditionRow> renditions) {

    /** One stored rendition and where its bytes are. */
    record RenditionRow(int width, int height, String contentType, long bytes, String etag, String storageKey) {
    }

    static String url(UUID id, int width, String contentType) {
        String extension = ImageFormat.ofContentType(contentType).map(ImageFormat::extension).orElse("bin");
        return "/media/" + id + "/" + width + "." + extension;
    }

    static String storageKey(UUID id, int width, ImageFormat format) {
        return id + "/" + width + "." + format.extension();
    }
}
