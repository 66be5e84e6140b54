package io.realtimeblog.posts.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodeHighlighterTests {

    private static final String JAVA = """
            /* A comment
               over two lines */
            @Override
            public String name() {
                return "x<y>" + 42; // done
            }
            """;

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownProperties.defaults());

    private Element code(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown)).selectFirst("code");
    }

    @Test
    void aJavaBlockIsColouredAndKeepsItsTextExactly() {
        Element code = code("```java\n" + JAVA + "```\n");
        assertThat(code.className()).isEqualTo("language-java");
        assertThat(code.wholeText()).isEqualTo(JAVA);
        assertThat(code.select("span.tok-keyword").eachText()).contains("public", "return");
        assertThat(code.select("span.tok-string").eachText()).containsExactly("\"x<y>\"");
        assertThat(code.select("span.tok-number").eachText()).containsExactly("42");
        assertThat(code.select("span.tok-meta").eachText()).containsExactly("@Override");
        assertThat(code.select("span.tok-comment").eachText()).contains("// done");
    }

    @Test
    void aCommentOverSeveralLinesIsColouredOnEveryLine() {
        Element code = code("```java\n/* one\ntwo\nthree */ int x;\n```\n");
        assertThat(code.select("span.tok-comment").eachText()).containsExactly("/* one\ntwo\nthree */");
        assertThat(code.select("span.tok-type").eachText()).containsExactly("int");
    }

    @Test
    void markupInsideCodeStaysText() {
        Element code = code("```html\n<script>alert(1)</script>\n```\n");
        assertThat(code.select("script")).isEmpty();
        assertThat(code.wholeText()).isEqualTo("<script>alert(1)</script>\n");
        assertThat(code.select("span.tok-tag").eachText()).containsExactly("<script>", "</script>");
    }

    @Test
    void blocksWithoutAKnownLanguageAndInlineCodeStayPlain() {
        Document doc = Jsoup.parseBodyFragment(renderer.render(
                "```\nint x;\n```\n\n```brainfudge\nint x;\n```\n\n    int x; // indented\n\nInline `int x;`.\n"));
        assertThat(doc.select("code")).hasSize(4);
        assertThat(doc.select("span")).isEmpty();
    }

    @Test
    void theLanguageNameIsReadInAnyCase() {
        assertThat(code("```JAVA\nint x;\n```\n").select("span.tok-type").eachText()).containsExactly("int");
    }

    @Test
    void aWritersOwnTokenClassesAndUtilityClassesAreDropped() {
        Document doc = Jsoup.parseBodyFragment(renderer.render(
                "<pre><code class=\"language-java\"><span class=\"tok-keyword fixed inset-0\">int</span> x;</code></pre>\n\n"
                        + "<span class=\"tok-string\">loose</span> <code class=\"tok-comment\">c</code>\n\n"
                        + "<pre><code class=\"language-java bg-white\">int y;</code></pre>"));
        assertThat(doc.select("[class]").eachAttr("class")).containsExactly("language-java");
        assertThat(doc.select("span").eachText()).containsExactly("int", "loose");
    }

    @Test
    void aRawHtmlBlockWithAKnownLanguageIsColouredFromItsTextOnly() {
        Element code = code("<pre><code class=\"language-python\">def f(): return 'x'</code></pre>");
        assertThat(code.select("span.tok-keyword").eachText()).contains("def", "return");
        assertThat(code.wholeText()).isEqualTo("def f(): return 'x'");
    }

    static Iterable<String> languages() {
        return CodeLanguages.names();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyNamedLanguageWritesOnlyOurClassesAndKeepsTheText(String language) {
        String sample = "# comment\n// comment\n/* x */ <a href=\"y\">z</a> 'str' \"str\" 1.5 0x1F true $var\n"
                + "if (a < b) { return; } def fn(x): pass\n-- sql\nSELECT * FROM t WHERE a = 'b';\n\\section{x} % tex\n";
        Element code = code("```" + language + "\n" + sample + "```\n");
        assertThat(code.wholeText()).isEqualTo(sample);
        for (Element span : code.select("span")) {
            assertThat(span.attributes().size()).isEqualTo(1);
            assertThat(CodeHighlighter.CLASSES).contains(span.className());
            assertThat(span.children()).isEmpty();
        }
        assertThat(code.select("span")).as("%s colours something", language).isNotEmpty();
    }

    @Test
    void aLargeCodeBlockRendersQuickly() {
        String body = "```java\n" + "int value = compute(\"text\", 42); // note\n".repeat(2_500) + "```\n";
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            Element code = code(body);
            assertThat(code.select("span.tok-number")).hasSize(2_500);
        });
    }
}
