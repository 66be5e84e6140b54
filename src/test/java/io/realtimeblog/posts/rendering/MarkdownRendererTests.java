package io.realtimeblog.posts.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.ErrorResponseException;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownProperties.defaults());

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

    @Test
    void htmlThatCrashesTheHtmlParserIsRefusedAsTooComplexNotA500() {
        assertThatThrownBy(() -> renderer.render(HostileMarkdown.PARSER_CRASH))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getType())
                        .hasToString("/problems/markdown-too-complex"));
        assertThat(renderer.renderStored(HostileMarkdown.PARSER_CRASH)).startsWith("<pre>");
    }

    @Test
    void theRedressPayloadLosesItsClassesAndStaysInline() {
        String html = renderer.render("<code class=\"fixed inset-0 z-50 bg-white\">Your session has expired. "
                + "<a href=\"https://evil.example/login\">Sign in again</a></code>\n\n"
                + "<div class=\"live-bar\">spoof</div><p class=\"live-notice\">spoof</p><span class=\"language-x\">s</span>");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("[class]")).isEmpty();
        assertThat(doc.select("code").text()).startsWith("Your session has expired.");
    }

    @Test
    void aFencedCodeBlockKeepsItsLanguageClassOnly() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("```java\nint x;\n```\n\n```fixed inset-0\nx\n```\n\n"
                + "<code class=\"language-js live-bar\">two classes</code>"));
        assertThat(doc.select("code").eachAttr("class")).containsExactly("language-java", "language-fixed");
    }

    @Test
    void sizesThatCouldPushPastTheContentBoxAreDropped() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("<img src=\"/a.png\" width=\"9999\" height=\"9999\" "
                + "align=\"left\"><table width=\"9999\"><tr><td width=\"9999\">x</td></tr></table>"));
        assertThat(doc.select("[width], [height], [align]")).isEmpty();
        assertThat(doc.select("img").attr("src")).isEqualTo("/a.png");
    }

    @Test
    void idsNamesAndStylesAreDropped() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("<a id=\"login\" name=\"forms\" href=\"#x\" "
                + "style=\"position:fixed;inset:0\">x</a><img id=\"currentScript\" name=\"body\" src=\"/a.png\">"
                + "<p style=\"position:fixed\">p</p>"));
        assertThat(doc.select("[id], [name], [style]")).isEmpty();
        assertThat(doc.select("a").attr("href")).isEqualTo("#x");
    }

    static Stream<Arguments> tooDeep() {
        return Stream.of(
                Arguments.of("block quotes", ">".repeat(100_000)),
                Arguments.of("spaced block quotes", "> ".repeat(50_000) + "x"),
                Arguments.of("bullet lists", "- ".repeat(50_000) + "x"),
                Arguments.of("ordered lists", "1. ".repeat(33_000) + "x"),
                Arguments.of("emphasis", "*".repeat(49_999) + "a" + "*".repeat(49_999)),
                Arguments.of("strong emphasis", "__".repeat(24_999) + "a" + "__".repeat(24_999)),
                Arguments.of("images in images", "![".repeat(30_000) + "x" + "](y)".repeat(10_000)),
                Arguments.of("raw HTML elements", "<div>".repeat(20_000)),
                Arguments.of("inline HTML elements", "x" + "<span>".repeat(16_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooDeep")
    void nestingBeyondTheLimitIsRefusedQuickly(String shape, String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> renderer.render(body))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getType().toString()).isEqualTo("/problems/markdown-too-complex");
                    assertThat(e.getBody().getProperties()).containsEntry("maxNesting", 32);
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "]", "[a](", "*", "_", "`x", "<", "x <!--", "&#", "\\", "|a", "a**b c*", "~"})
    void longRunsOfOneCharacterRenderQuicklyAsText(String run) {
        String body = run.repeat(100_000 / run.length());
        String html = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> renderer.render(body));
        HostileMarkdownTests.assertSafe(html);
    }

    static Stream<Arguments> slowForTheLibraries() {
        return Stream.of(
                Arguments.of("an emphasis opener run, then many closers", "*".repeat(20_000) + "_*".repeat(40_000)),
                Arguments.of("list items of unknown-scheme links",
                        "\n\n+ <a href=\"jav&#x61;script:alert(1)\">".repeat(2_500)),
                Arguments.of("many unknown-scheme images", "<img src=\"x-y:z\">".repeat(6_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slowForTheLibraries")
    void shapesThatAreQuadraticInTheLibrariesRenderQuickly(String shape, String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                HostileMarkdownTests.assertSafe(renderer.render(body));
            } catch (ErrorResponseException e) {
                assertThat(e.getBody().getType()).hasToString("/problems/markdown-too-complex");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " java\tscript:x", "JAVASCRIPT:x", "data:text/html,x", "vbscript:x",
            "ftp://example.com/", "x-y:z"})
    void linksWithOtherSchemesAreDropped(String url) {
        Document doc = Jsoup.parseBodyFragment(renderer.render("<a href=\"" + url + "\">a</a><img src=\"" + url + "\">"));
        assertThat(doc.select("[href], [src]")).isEmpty();
    }

    @Test
    void nestingWithinTheLimitRenders() {
        Document doc = Jsoup.parseBodyFragment(renderer.render("> ".repeat(10) + "- ".repeat(5) + "**_[deep](/x)_**"));
        assertThat(doc.select("blockquote")).hasSize(10);
        assertThat(doc.select("a").attr("href")).isEqualTo("/x");
    }

    @Test
    void aStoredBodyBeyondTheLimitIsShownAsEscapedText() {
        String html = renderer.renderStored("<b>".repeat(100) + "<script>x</script>");
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("pre")).hasSize(1);
        assertThat(doc.select("b, script")).isEmpty();
        assertThat(doc.select("pre").text()).startsWith("<b><b>");
    }
}
