package io.realtimeblog.posts;

import java.util.UUID;

/**
 * Every change but a delete carries the post as the change left it, so its id and version are the snapshot's.
 */
sealed interface PostChangedWithSnapshot extends PostChanged
        permits PostCreated, PostUpdated, PostPublished, PostUnpublished, PostScheduled, PostScheduleFailed {

    /** The post as this change left it. */
    PostSnapshot post();

    @Override
    default UUID postId() {
        return post().id();
    }

    @Override
    default long version() {
        return post().version();
    }
}
