package io.realtimeblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.site.StaffPosts.Written;

/** The RSS feed and the sitemap: well-formed XML with the required elements, escaped text, and 304s. */
@IntegrationTest
class FeedAndSitemapTests extends EditorsPostsTest {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Test
    void feedIsRss2WithChannelAndEscapedItems() throws Exception {
        Written post = posts.published("Ampersands & <angles> " + marker, "Body", "Excerpt with <b>tags</b> & more",
                List.of("xml"));

        MockHttpServletResponse response = fetch("/feed.xml");
        assertThat(response.getContentType()).startsWith("application/rss+xml");
        Document feed = parse(response);
        Element rss = feed.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = only(rss.getElementsByTagName("channel"));
        assertThat(childText(channel, "title")).isEqualTo("Realtime Blog");
        assertThat(childText(channel, "link")).endsWith("/");
        assertThat(childText(channel, "description")).isNotBlank();

        Element item = itemWithTitle(feed, "Ampersands & <angles> " + marker);
        assertThat(childText(item, "link")).endsWith("/posts/" + post.slug());
        assertThat(childText(item, "guid")).isEqualTo("urn:uuid:" + post.id());
        assertThat(childText(item, "description")).isEqualTo("Excerpt with <b>tags</b> & more");
        ZonedDateTime published = ZonedDateTime.parse(childText(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(published).isNotNull();
        assertThat(response.getContentAsString()).doesNotContain("<angles>", "<b>tags</b>");
    }

    @Test
    void sitemapListsHomeAndEveryPublishedPostWithLastmod() throws Exception {
        Written post = posts.published("Mapped " + marker, "Body", "", List.of());

        MockHttpServletResponse response = fetch("/sitemap.xml");
        assertThat(response.getContentType()).startsWith("application/xml");
        Document sitemap = parse(response);
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
        List<String> locations = new ArrayList<>();
        NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            locations.add(childText(url, "loc"));
            assertThat(childText(url, "lastmod")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        }
        assertThat(locations.get(0)).endsWith("/");
        assertThat(locations).anyMatch(location -> location.endsWith("/posts/" + post.slug()));
    }

    @Test
    void feedAndSitemapAnswer304ToEitherValidatorUntilAPublishedPostChanges() throws Exception {
        Written post = posts.published("Cached " + marker, "Body", "", List.of());
        for (String path : List.of("/feed.xml", "/sitemap.xml")) {
            MockHttpServletResponse first = fetch(path);
            String etag = first.getHeader(HttpHeaders.ETAG);
            String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);
            assertThat(etag).as(path).startsWith("W/\"");
            assertThat(lastModified).as(path).isNotBlank();

            assertThat(status(path, HttpHeaders.IF_NONE_MATCH, etag)).as(path).isEqualTo(304);
            assertThat(status(path, HttpHeaders.IF_MODIFIED_SINCE, lastModified)).as(path).isEqualTo(304);
        }
        MockHttpServletResponse before = fetch("/feed.xml");

        posts.edit(post, Map.of("title", "Cached and edited " + marker));

        MockHttpServletResponse after = fetch("/feed.xml");
        assertThat(after.getHeader(HttpHeaders.ETAG)).isNotEqualTo(before.getHeader(HttpHeaders.ETAG));
        assertThat(status("/feed.xml", HttpHeaders.IF_NONE_MATCH, before.getHeader(HttpHeaders.ETAG))).isEqualTo(200);
        assertThat(after.getContentAsString()).contains("Cached and edited " + marker);
    }

    private int status(String path, String header, String value) throws Exception {
        return mvc.perform(get(path).header(header, value)).andReturn().getResponse().getStatus();
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }

    private static Document parse(MockHttpServletResponse response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    private static Element itemWithTitle(Document feed, String title) {
        NodeList items = feed.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (title.equals(childText(item, "title"))) {
                return item;
            }
        }
        throw new AssertionError("No item titled " + title);
    }

    private static String childText(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(child.getLocalName() == null ? child.getTagName()
                    : child.getLocalName())) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static Element only(NodeList nodes) {
        assertThat(nodes.getLength()).isEqualTo(1);
        return (Element) nodes.item(0);
    }
}
