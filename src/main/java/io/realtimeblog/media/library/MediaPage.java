package io.realtimeblog.media.library;

import java.util.List;

/** One page of the media library, newest first. {@code page} counts from 0. */
public record MediaPage(List<MediaView> items, int page, int size, long totalItems, int totalPages) {
}
