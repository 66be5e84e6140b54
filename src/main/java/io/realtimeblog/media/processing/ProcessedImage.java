package io.realtimeblog.media.processing;

import java.util.List;

/**
 * An upload after processing: its format and every rendition, re-encoded, the original size first and then the
 * narrower variants, widest first.
 */
public record ProcessedImage(ImageFormat format, List<Rendition> renditions) {

    /** One re-encoded rendition. */
    public record Rendition(int width, int height, byte[] bytes) {
    }

    public Rendition original() {
        return renditions.get(0);
    }
}
