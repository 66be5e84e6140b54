/**
 * The staff REST API of posts ({@code /api/posts}): request bodies, versions from If-Match, ETags. Internal to the
 * posts module; documented in docs/rest-api.md.
 */
package io.realtimeblog.posts.web;
