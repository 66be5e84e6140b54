package io.realtimeblog.site;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PublishedPost;
import io.realtimeblog.posts.PublishedSummary;

/** Turns published posts into what the templates show: site-relative links, readable dates, page metadata. */
@Component
class SiteViews {

    private final SiteProperties site;

    SiteViews(SiteProperties site) {
        this.site = site;
    }

    SiteProperties site() {
        return site;
    }

    PostCard card(PublishedSummary post) {
        return card(post.title(), post.slug(), post.excerpt(), post.author(), post.tags(), post.publishedAt(), null);
    }

    PostCard card(PublishedPost post) {
        return card(post.title(), post.slug(), post.excerpt(), post.author(), post.tags(), post.publishedAt(),
                post.bodyHtml());
    }

    PageMeta meta(String title, String description, String path, String ogType) {
        String fullTitle = title == null ? site.title() : title + " · " + site.title();
        String text = description == null || description.isBlank() ? site.description() : description;
        return new PageMeta(fullTitle, text, site.url(path), ogType, site.title());
    }

    static String postPath(String slug) {
        return "/posts/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String tagPath(String tag) {
        return "/tags/" + UriUtils.encodePathSegment(tag, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String authorPath(UUID id) {
        return "/authors/" + id;
    }

    private PostCard card(String title, String slug, String excerpt, PersonRef author, List<String> tags,
            Instant publishedAt, String bodyHtml) {
        List<PostCard.TagLink> links = tags.stream().map(tag -> new PostCard.TagLink(tag, tagPath(tag))).toList();
        return new PostCard(title, postPath(slug), excerpt, author.name(), authorPath(author.id()), links,
                SiteDates.iso(publishedAt), SiteDates.display(publishedAt), bodyHtml);
    }
}
