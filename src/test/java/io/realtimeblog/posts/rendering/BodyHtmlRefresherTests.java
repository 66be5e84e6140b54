package io.realtimeblog.posts.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;

/**
 * Stored HTML made by an older renderer is made again, without touching the post's version, its updatedAt or any
 * edit that commits meanwhile.
 */
@IntegrationTest
class BodyHtmlRefresherTests extends AbstractIntegrationTest {

    /** What an older sanitiser let through: a class of the admin's style sheet. */
    private static final String OLD_HTML = "<p><code class=\"fixed inset-0 z-50\">Your session has expired.</code></p>";

    @Autowired
    BodyHtmlRefresher refresher;

    String editor;

    @BeforeEach
    void setUp() {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    @Test
    void htmlOfAnOlderRendererVersionIsRenderedAgainKeepingVersionAndUpdatedAt() throws Exception {
        Answer created = api.create(editor, Map.of("title", "Old render " + UUID.randomUUID(),
                "body", "<code class=\"fixed inset-0 z-50\">Your session has expired.</code>"));
        makeOutdated(created.id());

        refresher.refreshAll();

        Map<String, Object> row = jdbc.queryForMap("SELECT body_html, body_html_version, version FROM posts WHERE id = ?",
                created.id());
        assertThat((String) row.get("body_html")).doesNotContain("class").contains("Your session has expired.");
        assertThat(((Number) row.get("body_html_version")).intValue()).isEqualTo(MarkdownRenderer.VERSION);
        Answer now = api.get(editor, created.id());
        assertThat(now.version()).isEqualTo(created.version());
        assertThat(now.body().get("updatedAt")).isEqualTo(created.body().get("updatedAt"));
        assertThat(now.body().get("bodyHtml").asString()).doesNotContain("class");
    }

    @Test
    void aRowEditedSinceItWasReadIsLeftToTheEdit() throws Exception {
        Answer created = api.create(editor, "Edited meanwhile " + UUID.randomUUID());
        makeOutdated(created.id());
        Answer edited = api.update(editor, created.id(), created.version(), Map.of("title", "Edited", "body", "New"));
        makeOutdated(created.id()); // as if an instance of the previous release had made the edit

        boolean written = refresher.refresh(created.id(), created.version(), "Old body read before the edit");

        assertThat(written).isFalse();
        assertThat(jdbc.queryForObject("SELECT body_html FROM posts WHERE id = ?", String.class, created.id()))
                .isEqualTo(OLD_HTML);
        assertThat(api.get(editor, created.id()).version()).isEqualTo(edited.version());
    }

    @Test
    void aRowAnotherInstanceRefreshedFirstIsNotWrittenAgain() throws Exception {
        Answer created = api.create(editor, "Refreshed twice " + UUID.randomUUID());
        makeOutdated(created.id());

        assertThat(refresher.refresh(created.id(), created.version(), "First")).isTrue();
        assertThat(refresher.refresh(created.id(), created.version(), "Second")).isFalse();

        assertThat(jdbc.queryForObject("SELECT body_html FROM posts WHERE id = ?", String.class, created.id()))
                .isEqualToIgnoringWhitespace("<p>First</p>");
    }

    private void makeOutdated(String id) {
        jdbc.update("UPDATE posts SET body_html = ?, body_html_version = 1 WHERE id = ?", OLD_HTML, id);
    }
}
