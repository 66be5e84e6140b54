package io.realtimeblog.posts;

/** Where a post is in its life: only PUBLISHED posts are visible to readers. */
public enum PostStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED
}
