package io.realtimeblog.site;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import io.realtimeblog.posts.PublishedPosts;
import io.realtimeblog.posts.PublishedState;

/**
 * The RSS 2.0 feed ({@code /feed.xml}, the newest published posts) and the sitemap ({@code /sitemap.xml}, the
 * home page and every published post). Both carry the site-wide validators and answer 304 when current.
 */
@Hidden // pages and feeds for readers, not part of the staff API document
@RestController
class FeedController {

    static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);
    static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final PublishedPosts posts;
    private final SiteProperties site;

    FeedController(PublishedPosts posts, SiteProperties site) {
        this.posts = posts;
        this.site = site;
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> feed(ServletWebRequest request) {
        if (SiteValidator.of(posts.state()).notModified(request)) {
            return null;
        }
        String body = FeedXml.rss(site, posts.page(0, site.feedSize()).items());
        return ResponseEntity.ok().contentType(RSS).body(body);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(ServletWebRequest request) {
        PublishedState state = posts.state();
        if (SiteValidator.of(state).notModified(request)) {
            return null;
        }
        String body = FeedXml.sitemap(site, state.lastChange(), posts.links());
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
