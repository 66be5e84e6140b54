package io.realtimeblog.site;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

import io.realtimeblog.posts.PublishedState;

/**
 * HTTP validators (a weak ETag and Last-Modified) for a page or feed, and the 304 answer when the reader's
 * copy is still current. Responses may be stored but must be revalidated ({@code Cache-Control: no-cache}),
 * which also keeps Spring Security from marking them {@code no-store}.
 */
record SiteValidator(String etag, Instant lastModified) {

    /** Validators of pages that list posts: they change whenever anything readers can see changes. */
    static SiteValidator of(PublishedState state) {
        long millis = state.lastChange() == null ? 0 : state.lastChange().toEpochMilli();
        return new SiteValidator("W/\"s" + state.publishedPosts() + "-" + state.versionSum() + "-" + millis + "\"",
                state.lastChange());
    }

    /** Validators of one post's page. */
    static SiteValidator ofPost(long version, Instant updatedAt) {
        return new SiteValidator("W/\"p" + version + "-" + updatedAt.toEpochMilli() + "\"", updatedAt);
    }

    /**
     * Sets the caching headers and answers whether the reader's copy is current; if so, the response is a 304
     * already and the caller renders nothing.
     */
    boolean notModified(ServletWebRequest request) {
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePublic()
                .getHeaderValue());
        return lastModified == null ? request.checkNotModified(etag)
                : request.checkNotModified(etag, lastModified.toEpochMilli());
    }
}
