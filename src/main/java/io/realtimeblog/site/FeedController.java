package io.realtimeblog.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PublishedLink;
import io.realtimeblog.posts.PublishedPosts;
import io.realtimeblog.posts.PublishedSummary;
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
    private final PostImages images;

    FeedController(PublishedPosts posts, SiteProperties site, PostImages images) {
        this.posts = posts;
        this.site = site;
        this.images = images;
    }

    /** The cover images among the ids (nulls skipped), in one lookup; none at all without covers. */
    private Map<UUID, PostImages.Image> covers(List<UUID> ids) {
        List<UUID> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        return wanted.isEmpty() ? Map.of() : images.find(wanted);
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> feed(ServletWebRequest request) {
        if (SiteValidator.of(posts.state()).notModified(request)) {
            return null;
        }
        List<PublishedSummary> items = posts.page(0, site.feedSize()).items();
        String body = FeedXml.rss(site, items, covers(items.stream()
                .map(post -> post.featureImage() == null ? null : post.featureImage().mediaId()).toList()));
        return ResponseEntity.ok().contentType(RSS).body(body);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(ServletWebRequest request) {
        PublishedState state = posts.state();
        if (SiteValidator.of(state).notModified(request)) {
            return null;
        }
        List<PublishedLink> links = posts.links();
        String body = FeedXml.sitemap(site, state.lastChange(), links,
                covers(links.stream().map(PublishedLink::featureImageId).toList()));
        return ResponseEntity.ok().contentType(XML).body(body);
    }
}
