package io.realtimeblog.posts.editing;

import java.util.List;

/** One page of a post list. {@code page} counts from 0. */
public record PostPage(List<PostSummary> items, int page, int size, long totalItems, int totalPages) {
}
