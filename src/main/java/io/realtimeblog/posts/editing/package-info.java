/**
 * The post itself and every change staff make to it: the {@code Post} entity and its repository, {@code PostService}
 * (create, edit, restore, publish, unpublish, delete), {@code PostWriter} (how any change is written: save, revision,
 * event, in one transaction), {@code PostReader} (what staff may read), revisions, slugs and the posts API's
 * problems. Internal to the posts module.
 */
package io.realtimeblog.posts.editing;
