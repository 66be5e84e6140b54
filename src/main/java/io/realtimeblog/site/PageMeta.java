package io.realtimeblog.site;

/**
 * What the head of every page says about it: {@code <title>}, meta description, canonical URL and the Open
 * Graph tags.
 *
 * @param ogType {@code website} for lists, {@code article} for a post
 */
record PageMeta(String title, String description, String canonicalUrl, String ogType, String siteName) {
}
