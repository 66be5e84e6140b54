package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersCommonMarkWithTablesAndStrikethrough() {
        String html = renderer.render("# Title\n\nSome *emphasis* and ~~gone~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("h1").text()).isEqualTo("Title");
        assertThat(doc.select("em").text()).isEqualTo("emphasis");
        assertThat(doc.select("del").text()).isEqualTo("gone");
        assertThat(doc.select("table td")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <script src=\"https://evil.example/x.js\"></script> world",
            "<img src=x onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "![x](javascript:alert(1))",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">x</div>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=a></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    })
    void attacksRenderInert(String markdown) {
        Document doc = Jsoup.parse(renderer.render(markdown));
        assertThat(doc.select("script, iframe, object, embed, form, input, style, svg, math")).isEmpty();
        for (Element element : doc.getAllElements()) {
            element.attributes().forEach(attribute -> {
                assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(attribute.getValue().toLowerCase()).doesNotContain("javascript:").doesNotStartWith("data:");
            });
        }
    }

    @Test
    void keepsSafeLinksAndMarksThemNofollow() {
        Document doc = Jsoup.parse(renderer.render("[ok](https://example.com/a) and [rel](/posts/other)"));
        assertThat(doc.select("a").eachAttr("href")).containsExactly("https://example.com/a", "/posts/other");
        assertThat(doc.select("a").first().attr("rel")).contains("nofollow").contains("noopener");
    }

    @Test
    void emptyOrMissingBodyRendersEmpty() {
        assertThat(renderer.render(null)).isEmpty();
        assertThat(renderer.render("")).isEmpty();
    }
}
