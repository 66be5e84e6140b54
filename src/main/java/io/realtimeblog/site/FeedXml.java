package io.realtimeblog.site;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.realtimeblog.posts.PostImages;
import io.realtimeblog.posts.PublishedLink;
import io.realtimeblog.posts.PublishedSummary;

/**
 * Writes the RSS 2.0 feed and the sitemap with the JDK's StAX writer, which escapes text and attributes.
 * Characters XML 1.0 cannot carry at all (most control characters) are dropped first.
 */
final class FeedXml {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    private static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

    private FeedXml() {
    }

    /**
     * RSS 2.0: the channel, then one item per post (description = the excerpt; pubDate in RFC 822; a cover image
     * as Media RSS {@code media:content}).
     */
    static String rss(SiteProperties site, List<PublishedSummary> posts, Map<UUID, PostImages.Image> covers) {
        return write(xml -> {
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM_NS);
            xml.writeNamespace("media", MEDIA_NS);
            xml.writeStartElement("channel");
            text(xml, "title", site.title());
            text(xml, "link", site.url("/"));
            text(xml, "description", site.description());
            xml.writeEmptyElement("atom", "link", ATOM_NS);
            xml.writeAttribute("href", site.url("/feed.xml"));
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("type", "application/rss+xml");
            if (!posts.isEmpty()) {
                optionalText(xml, "lastBuildDate", SiteDates.rfc822(posts.get(0).publishedAt()));
            }
            for (PublishedSummary post : posts) {
                String link = site.url(SiteViews.postPath(post.slug()));
                xml.writeStartElement("item");
                text(xml, "title", post.title());
                text(xml, "link", link);
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters("urn:uuid:" + post.id());
                xml.writeEndElement();
                optionalText(xml, "pubDate", SiteDates.rfc822(post.publishedAt()));
                text(xml, "description", post.excerpt());
                for (String tag : post.tags()) {
                    text(xml, "category", tag);
                }
                PostImages.Image cover = post.featureImage() == null ? null : covers.get(post.featureImage().mediaId());
                if (cover != null) {
                    PostImages.Variant shown = cover.atLeast(SiteViews.PREVIEW_WIDTH);
                    xml.writeEmptyElement("media", "content", MEDIA_NS);
                    xml.writeAttribute("url", site.url(shown.url()));
                    xml.writeAttribute("medium", "image");
                    xml.writeAttribute("type", cover.contentType());
                    xml.writeAttribute("width", Integer.toString(shown.width()));
                    xml.writeAttribute("height",
                            Long.toString(Math.round((double) cover.height() * shown.width() / cover.width())));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** The sitemap: the home page, then every published post with its last change and its cover image. */
    static String sitemap(SiteProperties site, Instant homeLastModified, List<PublishedLink> posts,
            Map<UUID, PostImages.Image> covers) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("image", IMAGE_NS);
            url(xml, site.url("/"), homeLastModified, null);
            for (PublishedLink post : posts) {
                PostImages.Image cover = post.featureImageId() == null ? null : covers.get(post.featureImageId());
                url(xml, site.url(SiteViews.postPath(post.slug())), post.updatedAt(),
                        cover == null ? null : site.url(cover.url()));
            }
            xml.writeEndElement();
        });
    }

    private static void url(XMLStreamWriter xml, String location, Instant lastModified, String image)
            throws XMLStreamException {
        xml.writeStartElement("url");
        text(xml, "loc", location);
        optionalText(xml, "lastmod", SiteDates.w3c(lastModified));
        if (image != null) {
            xml.writeStartElement("image", "image", IMAGE_NS);
            xml.writeStartElement("image", "loc", IMAGE_NS);
            xml.writeCharacters(image);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** An optional element (a date its format cannot carry is left out; see {@link SiteDates}). */
    private static void optionalText(XMLStreamWriter xml, String element, Optional<String> value)
            throws XMLStreamException {
        if (value.isPresent()) {
            text(xml, element, value.get());
        }
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlSafe(value == null ? "" : value));
        xml.writeEndElement();
    }

    /** Drops the characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return; U+FFFE/F). */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write XML", e);
        }
    }
}
