package io.realtimeblog.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PublishedPost;
import io.realtimeblog.posts.PublishedSummary;

/** Turns published posts into what the templates show: site-relative links, readable dates, page metadata. */
@Component
class SiteViews {

    /** A cover spans the content column, at most about 48rem wide. */
    static final String COVER_SIZES = "(min-width: 50rem) 48rem, 100vw";

    /** Link previews want about 1200 pixels wide; the narrowest rendition at least this wide is used. */
    static final int PREVIEW_WIDTH = 1024;

    private final SiteProperties site;
    private final PostImages images;

    SiteViews(SiteProperties site, PostImages images) {
        this.site = site;
        this.images = images;
    }

    SiteProperties site() {
        return site;
    }

    /** The cards of a list, their cover images looked up in one go. */
    List<PostCard> cards(List<PublishedSummary> posts) {
        Map<UUID, PostImages.Image> covers = covers(posts.stream().map(PublishedSummary::featureImage).toList());
        return posts.stream().map(post -> card(post.title(), post.slug(), post.excerpt(), post.author(), post.tags(),
                post.publishedAt(), null, cover(post.featureImage(), covers))).toList();
    }

    PostCard card(PublishedPost post) {
        Map<UUID, PostImages.Image> covers = covers(java.util.Collections.singletonList(post.featureImage()));
        return card(post.title(), post.slug(), post.excerpt(), post.author(), post.tags(), post.publishedAt(),
                post.bodyHtml(), cover(post.featureImage(), covers));
    }

    PageMeta meta(String title, String description, String path, String ogType) {
        return meta(title, description, path, ogType, null);
    }

    /** The page's metadata; a post's cover becomes its {@code og:image}. */
    PageMeta meta(String title, String description, String path, String ogType, PostCard.Cover cover) {
        String fullTitle = title == null ? site.title() : title + " · " + site.title();
        String text = description == null || description.isBlank() ? site.description() : description;
        return new PageMeta(fullTitle, text, site.url(path), ogType, site.title(), preview(cover));
    }

    private PageMeta.MetaImage preview(PostCard.Cover cover) {
        if (cover == null) {
            return null;
        }
        return new PageMeta.MetaImage(site.url(cover.src()), cover.previewWidth(), cover.previewHeight(),
                cover.alt());
    }

    private Map<UUID, PostImages.Image> covers(List<FeatureImage> covers) {
        List<UUID> ids = covers.stream().filter(java.util.Objects::nonNull).map(FeatureImage::mediaId).distinct()
                .toList();
        return ids.isEmpty() ? Map.of() : images.find(ids);
    }

    /** The cover as the page shows it; null without one, or if its image has since been deleted. */
    private static PostCard.Cover cover(FeatureImage featureImage, Map<UUID, PostImages.Image> found) {
        PostImages.Image image = featureImage == null ? null : found.get(featureImage.mediaId());
        if (image == null) {
            return null;
        }
        PostImages.Variant src = image.atLeast(PREVIEW_WIDTH);
        int srcHeight = (int) Math.round((double) image.height() * src.width() / image.width());
        return new PostCard.Cover(src.url(), image.srcset(), COVER_SIZES, image.width(), image.height(),
                featureImage.alt(), src.width(), srcHeight);
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
            Instant publishedAt, String bodyHtml, PostCard.Cover cover) {
        List<PostCard.TagLink> links = tags.stream().map(tag -> new PostCard.TagLink(tag, tagPath(tag))).toList();
        return new PostCard(title, postPath(slug), excerpt, author.name(), authorPath(author.id()), links,
                SiteDates.iso(publishedAt), SiteDates.display(publishedAt), bodyHtml, cover);
    }
}
