package io.realtimeblog.posts.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;

/**
 * Markdown through the API: nesting beyond the limit is 400 {@code /problems/markdown-too-complex} on preview,
 * create and update (any staff role may send it, contributors included) and changes nothing; classes of the app's
 * style sheets never reach the stored HTML.
 */
@IntegrationTest
class MarkdownApiTests extends AbstractIntegrationTest {

    /** Shapes that threw StackOverflowError before the nesting limit. */
    private static final String QUOTES = ">".repeat(50_000);
    private static final String LISTS = "- ".repeat(30_000) + "x";
    private static final String EMPHASIS = "*".repeat(30_000) + "a" + "*".repeat(30_000);

    String contributor;

    @BeforeEach
    void setUp() {
        contributor = accounts.tokenFor(Role.CONTRIBUTOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotes", "lists", "emphasis", "html", "parser-crash"})
    void previewOfTooDeepMarkdownIs400MarkdownTooComplex(String shape) throws Exception {
        Answer answer = api.send(MockMvcRequestBuilders.post("/api/posts/preview"), contributor,
                Map.of("body", body(shape)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/markdown-too-complex");
        assertThat(answer.body().get("maxNesting").asInt()).isEqualTo(32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotes", "lists", "emphasis", "html", "parser-crash"})
    void creatingTooDeepMarkdownIs400AndStoresNothing(String shape) throws Exception {
        String title = "Too deep " + UUID.randomUUID();

        Answer answer = api.create(contributor, Map.of("title", title, "body", body(shape)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/markdown-too-complex");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posts WHERE title = ?", Integer.class, title)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE payload LIKE ?", Integer.class,
                "%" + title + "%")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotes", "lists", "emphasis", "html", "parser-crash"})
    void updatingToTooDeepMarkdownIs400AndChangesNothing(String shape) throws Exception {
        Answer created = api.create(contributor, "Shallow " + UUID.randomUUID());
        int revisionsBefore = revisions(created.id());

        Answer answer = api.update(contributor, created.id(), created.version(),
                Map.of("title", "Changed", "body", body(shape)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/markdown-too-complex");
        assertThat(api.get(contributor, created.id()).body()).isEqualTo(created.body());
        assertThat(revisions(created.id())).isEqualTo(revisionsBefore);
    }

    @Test
    void theRedressPayloadIsStoredWithoutItsClasses() throws Exception {
        Answer created = api.create(contributor, Map.of("title", "Redress " + UUID.randomUUID(), "body",
                "<code class=\"fixed inset-0 z-50 bg-white\">Your session has expired. "
                        + "<a href=\"https://evil.example/login\">Sign in again</a></code>\n\n"
                        + "<div class=\"live-bar\" id=\"live\" style=\"position:fixed\">spoof</div>\n\n```js\nx\n```"));

        assertThat(created.status()).isEqualTo(201);
        var html = Jsoup.parseBodyFragment(created.body().get("bodyHtml").asString());
        assertThat(html.select("[class]").eachAttr("class")).containsExactly("language-js");
        assertThat(html.select("[id], [style]")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT body_html_version FROM posts WHERE id = ?", Integer.class,
                created.id())).isEqualTo(MarkdownRenderer.VERSION);
    }

    private static String body(String shape) {
        return switch (shape) {
            case "quotes" -> QUOTES;
            case "lists" -> LISTS;
            case "emphasis" -> EMPHASIS;
            // Its NULs would be refused before rendering (malformed-body): the API is sent the rest, which still
            // makes the HTML parser throw.
            case "parser-crash" -> HostileMarkdown.PARSER_CRASH.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
            default -> "<div>".repeat(10_000);
        };
    }

    private int revisions(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM post_revisions WHERE post_id = ?", Integer.class, id);
    }
}
