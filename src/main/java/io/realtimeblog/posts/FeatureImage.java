package io.realtimeblog.posts;

import java.util.UUID;

/**
 * A post's cover image: an image of the media library and the alt text the post gives it (which may differ from
 * the library's; empty while the writer has not written one).
 */
public record FeatureImage(UUID mediaId, String alt) {

    public FeatureImage {
        alt = alt == null ? "" : alt.strip();
    }
}
