package io.realtimeblog.posts.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.ErrorResponseException;

/**
 * Property tests over generated hostile Markdown ({@link HostileMarkdown}): whatever the body, rendering ends within
 * a bounded time with either HTML that can neither run script, style the page, clobber the DOM nor nest past the
 * limit, or 400 {@code markdown-too-complex}; never an {@code Error}. Every run draws new seeds (each case is
 * named by its seed); {@code -Dhostile.markdown.seed=N} replays the run that began at seed N.
 */
class HostileMarkdownTests {

    private static final Duration PER_BODY = Duration.ofSeconds(10);
    private static final long FIRST_SEED = Long.getLong("hostile.markdown.seed", new SplittableRandom().nextLong());

    private final MarkdownRenderer renderer = new MarkdownRenderer(MarkdownProperties.defaults());

    static LongStream largeSeeds() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + 40);
    }

    static LongStream smallSeeds() {
        return LongStream.range(FIRST_SEED + 1_000, FIRST_SEED + 1_300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("largeSeeds")
    void largeHostileBodiesRenderSafelyInBoundedTime(long seed) {
        checkRendering(HostileMarkdown.body(seed, 40, 50_000));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("smallSeeds")
    void smallHostileBodiesRenderSafely(long seed) {
        checkRendering(HostileMarkdown.body(seed, 30, 200));
    }

    private void checkRendering(String body) {
        String html = assertTimeoutPreemptively(PER_BODY, () -> {
            try {
                return renderer.render(body);
            } catch (ErrorResponseException e) {
                assertThat(e.getBody().getType()).hasToString("/problems/markdown-too-complex");
                return null;
            }
        });
        if (html != null) {
            assertSafe(html);
        }
    }

    /** Nothing in the HTML can run script, style the page, clobber the DOM or nest past the default limit. */
    static void assertSafe(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, style, iframe, object, embed, form, input, svg, math, link, meta, base"))
                .isEmpty();
        for (Element element : doc.body().getAllElements()) {
            element.attributes().forEach(attribute -> {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).doesNotStartWith("on").isNotIn("style", "id", "name", "srcdoc", "formaction");
                if (key.equals("class") && element.tagName().equals("span")) {
                    // The highlighter's own spans: one of its classes, inside a code block.
                    assertThat(CodeHighlighter.CLASSES).contains(attribute.getValue());
                    assertThat(element.parent().tagName()).isEqualTo("code");
                } else if (key.equals("class")) {
                    assertThat(element.tagName()).isEqualTo("code");
                    assertThat(attribute.getValue()).matches("language-[A-Za-z0-9_+#.-]+");
                }
                assertThat(attribute.getValue().toLowerCase(Locale.ROOT)).doesNotContain("javascript:");
            });
        }
        assertThat(MarkdownRenderer.depth(doc.body())).isLessThanOrEqualTo(MarkdownProperties.defaults().maxNesting());
    }
}
