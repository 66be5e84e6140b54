package io.realtimeblog.site;

/**
 * What the head of every page says about it: {@code <title>}, meta description, canonical URL and the Open
 * Graph tags.
 *
 * @param ogType {@code website} for lists, {@code article} for a post
 * @param image the post's cover for {@code og:image} (and a large Twitter card), or null
 */
record PageMeta(String title, String description, String canonicalUrl, String ogType, String siteName,
        MetaImage image) {

    PageMeta(String title, String description, String canonicalUrl, String ogType, String siteName) {
        this(title, description, canonicalUrl, ogType, siteName, null);
    }

    /** An absolute image URL with its size and alt text. */
    record MetaImage(String url, int width, int height, String alt) {
    }
}
