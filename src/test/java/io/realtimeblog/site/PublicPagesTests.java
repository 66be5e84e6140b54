package io.realtimeblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.site.StaffPosts.Written;

/** The public pages as a reader or a crawler gets them, without JavaScript. */
@IntegrationTest
class PublicPagesTests extends EditorsPostsTest {

    @Test
    void everyPageTypeHasTitleDescriptionCanonicalUrlAndOpenGraphTags() throws Exception {
        Written post = posts.published("Tagged " + marker, "Body", "The excerpt " + marker, List.of("og-" + marker));
        Map<String, Integer> pages = Map.of("/", 200, "/posts/" + post.slug(), 200, "/tags/og-" + marker, 200,
                "/authors/" + editor.id(), 200, "/posts/no-such-post-" + marker, 404);

        for (var page : pages.entrySet()) {
            MockHttpServletResponse response = mvc.perform(get(page.getKey())).andReturn().getResponse();
            assertThat(response.getStatus()).as(page.getKey()).isEqualTo(page.getValue());
            assertThat(response.getContentType()).startsWith("text/html");
            Document html = Jsoup.parse(response.getContentAsString());
            String canonical = html.select("link[rel=canonical]").attr("href");
            assertThat(html.select("html").attr("lang")).isEqualTo("en");
            assertThat(html.title()).as(page.getKey()).isNotBlank();
            assertThat(html.select("meta[name=description]").attr("content")).as(page.getKey()).isNotBlank();
            assertThat(canonical).as(page.getKey()).startsWith("http").endsWith(page.getKey());
            assertThat(html.select("meta[property=og:title]").attr("content")).isEqualTo(html.title());
            assertThat(html.select("meta[property=og:description]").attr("content")).isNotBlank();
            assertThat(html.select("meta[property=og:url]").attr("content")).isEqualTo(canonical);
            assertThat(html.select("meta[property=og:type]").attr("content")).isIn("website", "article");
            assertThat(html.select("main h1")).as(page.getKey()).hasSize(1);
            assertThat(html.select("header nav, footer")).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void postPageShowsTitleAuthorDateTagsAndRenderedBody() throws Exception {
        Written post = posts.published("Full post " + marker, "Some **bold** words", "Short", List.of("alpha", "beta"));

        Document html = Jsoup.parse(page("/posts/" + post.slug()).getContentAsString());

        assertThat(html.select("article h1").text()).isEqualTo("Full post " + marker);
        assertThat(html.select(".byline a[href=/authors/" + editor.id() + "]").text()).isEqualTo(editor.name());
        assertThat(html.select(".byline time").attr("datetime")).endsWith("Z");
        assertThat(html.select(".byline a[rel=tag]").eachText()).containsExactly("alpha", "beta");
        assertThat(html.select(".post-body strong").text()).isEqualTo("bold");
        assertThat(html.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    }

    @Test
    void markdownAttacksInAPublishedPostRenderInert() throws Exception {
        // Blank lines between the attacks, so that the Markdown links are parsed as links, not HTML-block text.
        String attack = """
                <script>alert(1)</script>

                <img src=x onerror="alert(2)">

                [click](javascript:alert(3))

                <a href="javascript:alert(4)">link</a>

                <svg onload=alert(5)></svg>

                <iframe src="https://evil.example"></iframe>

                ![img](javascript:alert(6)) and [entity](jav&#x61;script:alert(7))
                """;
        Written post = posts.published("Attack " + marker, attack, "Harmless", List.of());

        String raw = page("/posts/" + post.slug()).getContentAsString().toLowerCase();

        // The page's only script is the site's own live-update script, loaded from our origin.
        String withoutOwnScript = raw.replace("<script src=\"/site/live.js\" defer></script>", "");
        assertThat(withoutOwnScript).doesNotContain("<script", "onerror", "onload", "javascript:", "<iframe", "<svg");
    }

    @Test
    void titlesAndExcerptsAreEscapedInPages() throws Exception {
        posts.published("<b>Bold</b> title " + marker, "Body", "<i>excerpt</i>", List.of());

        String raw = page("/").getContentAsString();

        assertThat(raw).contains("&lt;b&gt;Bold&lt;/b&gt; title " + marker).doesNotContain("<b>Bold</b>", "<i>excerpt");
    }

    @Test
    void pagesAnswer304ToEitherValidatorAndChangeThemWhenThePostChanges() throws Exception {
        Written post = posts.published("Conditional " + marker, "Body", "", List.of());
        for (String path : List.of("/", "/posts/" + post.slug(), "/authors/" + editor.id())) {
            MockHttpServletResponse first = page(path);
            assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).as(path).contains("no-cache")
                    .doesNotContain("no-store");
            String etag = first.getHeader(HttpHeaders.ETAG);
            assertThat(etag).as(path).startsWith("W/\"");
            assertThat(mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse()
                    .getStatus()).as(path).isEqualTo(304);
            assertThat(mvc.perform(get(path).header(HttpHeaders.IF_MODIFIED_SINCE,
                    first.getHeader(HttpHeaders.LAST_MODIFIED))).andReturn().getResponse().getStatus())
                    .as(path).isEqualTo(304);
        }
        String postEtag = page("/posts/" + post.slug()).getHeader(HttpHeaders.ETAG);

        posts.edit(post, Map.of("title", "Conditional, edited " + marker));

        MockHttpServletResponse after = mvc.perform(get("/posts/" + post.slug())
                .header(HttpHeaders.IF_NONE_MATCH, postEtag)).andReturn().getResponse();
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getContentAsString()).contains("Conditional, edited " + marker);
    }

    @Test
    void pagesPastTheEndAndMalformedPageNumbersAre404() throws Exception {
        assertThat(mvc.perform(get("/?page=100000")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/?page=zero")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/?page=0")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response;
    }
}
