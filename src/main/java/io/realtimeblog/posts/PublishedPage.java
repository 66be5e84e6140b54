package io.realtimeblog.posts;

import java.util.List;

/**
 * One page of published posts, newest {@code publishedAt} first. {@code page} counts from 0. There is no total:
 * the page asks for one row more than it shows to know whether an older page exists (no count query).
 */
public record PublishedPage(List<PublishedSummary> items, int page, int size, boolean hasOlder) {

    public boolean hasNewer() {
        return page > 0;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
