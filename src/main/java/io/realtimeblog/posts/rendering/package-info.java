/**
 * Markdown to HTML that is safe in any page: CommonMark, jsoup's allow-list sanitiser ({@code PostSafelist}), code
 * highlighting, responsive images of the media library, nesting bounds, and the background refresh of HTML made by
 * an older renderer. Internal to the posts module.
 */
package io.realtimeblog.posts.rendering;
