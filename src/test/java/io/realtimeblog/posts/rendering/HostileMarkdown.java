package io.realtimeblog.posts.rendering;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile Markdown from a seed: runs of units of one to three syntax tokens (nesting markers, brackets,
 * delimiters, raw HTML, attribute smuggling) repeated up to {@code maxRepeat} times, cut to the 100,000 characters
 * a body may hold. The same seed always gives the same body, so a failing case is reproduced by its seed.
 */
final class HostileMarkdown {

    static final int MAX_BODY = 100_000;

    private static final List<String> TOKENS = List.of(">", "> ", "- ", "* ", "+ ", "1. ", "  ", "    ", "\n",
            "\n\n", "*", "**", "_", "__", "~~", "~", "`", "```", "[", "]", "(", ")", "![", "](", "[x](", "[x]: /y\n",
            "<", "&#", "&amp;", "\\", "|", "|-", "x", " ", "é", "\u0000", "\uD83D\uDE00", "<div>", "</div>", "<span>",
            "</span>", "<b>", "<em>", "<blockquote>", "<ul><li>", "<table><tr><td>", "<!--", "-->", "<![CDATA[",
            "<code class=\"fixed inset-0 z-50 bg-white\">", "<p class=\"live-bar\">", "<div class=\"live-notice\">",
            "<a id=\"login\" name=\"forms\" href=\"#\">", "<img src=x onerror=alert(1) style=\"position:fixed\">",
            "<script>", "javascript:", "<svg onload=alert(1)>", "<math>", "<style>", "```fixed inset-0\n",
            "<code class=\"language-java\">", "<iframe srcdoc=x>", "<a href=\"jav&#x61;script:alert(1)\">");

    /**
     * A body whose HTML made jsoup 1.24.1's parser throw {@code IndexOutOfBoundsException} (raw tables nested 35
     * deep, open formatting elements, lists nested to jsoup's depth limit): a 500 before the renderer caught it.
     */
    static final String PARSER_CRASH = body(100_897, 30, 200);

    private HostileMarkdown() {
    }

    static String body(long seed, int maxUnits, int maxRepeat) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder body = new StringBuilder();
        int units = 1 + random.nextInt(maxUnits);
        for (int i = 0; i < units && body.length() < MAX_BODY; i++) {
            StringBuilder unit = new StringBuilder();
            int tokens = 1 + random.nextInt(3);
            for (int t = 0; t < tokens; t++) {
                unit.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            // Half the runs are short (ordinary text), half as long as the limit allows (the attacks).
            int bound = random.nextBoolean() ? 10 : maxRepeat;
            int times = 1 + random.nextInt(bound);
            body.append(unit.toString().repeat(Math.min(times, MAX_BODY / unit.length() + 1)));
        }
        return body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body.toString();
    }
}
