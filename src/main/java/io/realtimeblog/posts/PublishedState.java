package io.realtimeblog.posts;

import java.time.Instant;

/**
 * A cheap fingerprint of everything readers can see, for HTTP validators: it changes whenever a post is
 * published, edited while published, unpublished or deleted while published.
 *
 * @param publishedPosts how many posts are published now
 * @param versionSum the sum of the versions of the published posts (grows on every edit of one)
 * @param lastChange the newest {@code updatedAt} of every post that is or was published (an unpublish sets it
 *        too, so it never goes backwards when a post leaves the site; a delete removes the row, which only the
 *        count and the sum reveal); {@code null} when nothing was ever published
 */
public record PublishedState(long publishedPosts, long versionSum, Instant lastChange) {
}
