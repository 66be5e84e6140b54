package io.realtimeblog.posts.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void slugFromTitleIsLowerCaseAsciiWordsJoinedByHyphens() {
        assertThat(Slugs.fromTitle("Hello, World!")).isEqualTo("hello-world");
        assertThat(Slugs.fromTitle("  Crème brûlée à la carte  ")).isEqualTo("creme-brulee-a-la-carte");
        assertThat(Slugs.fromTitle("C'est déjà 2026 -- yes")).isEqualTo("c-est-deja-2026-yes");
    }

    @Test
    void titleWithoutLettersOrDigitsStillGetsASlug() {
        assertThat(Slugs.fromTitle("!!! ???")).isEqualTo("post");
        assertThat(Slugs.fromTitle("日本語")).isEqualTo("post");
    }

    @Test
    void longTitlesAreCutAtAWordBoundaryFreeOfTrailingHyphens() {
        String slug = Slugs.fromTitle("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).matches(Slugs.PATTERN);
    }

    @Test
    void firstFreeSlugAddsTheSmallestFreeNumber() {
        assertThat(Slugs.firstFree("hello", List.of())).isEqualTo("hello");
        assertThat(Slugs.firstFree("hello", List.of("hello"))).isEqualTo("hello-2");
        assertThat(Slugs.firstFree("hello", List.of("hello", "hello-2", "hello-4"))).isEqualTo("hello-3");
    }

    @Test
    void suffixNeverPushesASlugPastTheMaximumLength() {
        String base = "a".repeat(Slugs.MAX_LENGTH);
        assertThat(Slugs.withSuffix(base, "-12")).hasSize(Slugs.MAX_LENGTH).endsWith("-12");
    }
}
