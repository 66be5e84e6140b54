package io.realtimeblog.site;

import java.util.List;

/** A post as the templates show it: links and dates already made; {@code cover} is null without a cover image. */
record PostCard(String title, String url, String excerpt, String authorName, String authorUrl, List<TagLink> tags,
        String isoDate, String displayDate, String bodyHtml, Cover cover) {

    record TagLink(String name, String url) {
    }

    /**
     * A cover image as an {@code <img>}: a mid-size rendition as {@code src}, every rendition in {@code srcset},
     * and the original's size so the page does not shift while it loads; {@code previewWidth} and
     * {@code previewHeight} are the size of {@code src} (for {@code og:image}).
     */
    record Cover(String src, String srcset, String sizes, int width, int height, String alt, int previewWidth,
            int previewHeight) {
    }
}
