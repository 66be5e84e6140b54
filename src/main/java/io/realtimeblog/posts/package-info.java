/**
 * Posts: writing, revising, rendering, scheduling and publishing blog posts. This package is the module's API,
 * what other modules may use:
 * <ul>
 * <li>the {@link io.realtimeblog.posts.PostChanged} event family (created, updated, published, unpublished,
 * scheduled, schedule failed, deleted), published inside the change's transaction, and what the events carry
 * ({@link io.realtimeblog.posts.PostSnapshot}, {@link io.realtimeblog.posts.PersonRef},
 * {@link io.realtimeblog.posts.FeatureImage}, {@link io.realtimeblog.posts.PostStatus});</li>
 * <li>the one visibility rule, {@link io.realtimeblog.posts.PostPermissions}, and a post's audience as it is now
 * ({@link io.realtimeblog.posts.PostAudience}, looked up by {@link io.realtimeblog.posts.PostAudiences});</li>
 * <li>the read model of the public site: {@link io.realtimeblog.posts.PublishedPosts} and what it returns;</li>
 * <li>{@link io.realtimeblog.posts.PostImages}, which the media module implements.</li>
 * </ul>
 * The sub-packages are internal: {@code editing} (the entity, repositories, staff edits, revisions, slugs),
 * {@code rendering} (Markdown to safe HTML), {@code scheduling} (scheduled publication) and {@code web} (the REST
 * API). See docs/modules/ for the generated module diagrams.
 */
package io.realtimeblog.posts;
