package io.realtimeblog.site;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

import io.realtimeblog.posts.PublishedPosts;
import io.realtimeblog.posts.PublishedState;

/**
 * HTTP validators (a weak ETag and Last-Modified) for a page or feed, and the 304 answer when the reader's
 * copy is still current. Responses may be stored but must be revalidated ({@code Cache-Control: no-cache}),
 * which also keeps Spring Security from marking them {@code no-store}.
 */
record SiteValidator(String etag, Instant lastModified) {

    /** Validators of pages that list posts: they change whenever anything readers can see changes. */
    static SiteValidator of(PublishedState state) {
        String last = state.lastChange() == null ? "0" : SiteDates.token(state.lastChange());
        return new SiteValidator("W/\"s" + state.publishedPosts() + "-" + state.versionSum() + "-" + last + "\"",
                state.lastChange());
    }

    /**
     * Validators of one post's page. They include the renderer version, so a reader's copy made before a
     * sanitiser fix is not answered with 304 after it (the re-rendered HTML keeps the post's version).
     */
    static SiteValidator ofPost(long version, Instant updatedAt) {
        return new SiteValidator("W/\"p" + version + "-" + SiteDates.token(updatedAt) + "-r" + PublishedPosts.HTML_VERSION
                + "\"", updatedAt);
    }

    /**
     * Sets the caching headers and answers whether the reader's copy is current; if so, the response is a 304
     * already and the caller renders nothing.
     */
    boolean notModified(ServletWebRequest request) {
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic()
                .getHeaderValue());
        // A Last-Modified outside what an HTTP date can carry is left out; the ETag alone validates then.
        return SiteDates.httpDateMillis(lastModified).map(millis -> request.checkNotModified(etag, millis))
                .orElseGet(() -> request.checkNotModified(etag));
    }
}
