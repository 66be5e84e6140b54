package io.realtimeblog.media.library;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.posts.PostChanged;
import io.realtimeblog.posts.PostCreated;
import io.realtimeblog.posts.PostDeleted;
import io.realtimeblog.posts.PostPublished;
import io.realtimeblog.posts.PostScheduleFailed;
import io.realtimeblog.posts.PostScheduled;
import io.realtimeblog.posts.PostSnapshot;
import io.realtimeblog.posts.PostUnpublished;
import io.realtimeblog.posts.PostUpdated;

/**
 * Keeps {@code media_usage} (which posts use which image: the list's {@code usedBy}, the 409 of a delete) from the
 * posts' own events, in the transaction of the post change, so it is never out of step with the posts. Posts
 * know nothing of this module; drafts count as much as published posts.
 */
@Component
class MediaUsage {

    private final MediaRepository repository;

    MediaUsage(MediaRepository repository) {
        this.repository = repository;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PostChanged change) {
        if (change instanceof PostDeleted) {
            repository.removeUsage(change.postId());
            return;
        }
        PostSnapshot post = snapshot(change);
        repository.replaceUsage(post.id(), post.title(), post.images());
    }

    private static PostSnapshot snapshot(PostChanged change) {
        if (change instanceof PostCreated e) {
            return e.post();
        }
        if (change instanceof PostUpdated e) {
            return e.post();
        }
        if (change instanceof PostPublished e) {
            return e.post();
        }
        if (change instanceof PostUnpublished e) {
            return e.post();
        }
        if (change instanceof PostScheduled e) {
            return e.post();
        }
        return ((PostScheduleFailed) change).post();
    }
}
