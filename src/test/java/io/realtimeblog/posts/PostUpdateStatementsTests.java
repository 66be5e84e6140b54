package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.StatementsOnThisThread;
import io.realtimeblog.users.Role;

/**
 * What one save costs the database, counted on the request's thread ({@link StatementsOnThisThread}: MockMvc runs
 * the request on the test thread): the statements of the write path, so that one more query per save is seen here
 * and not only as a slower benchmark.
 */
@IntegrationTest
class PostUpdateStatementsTests extends AbstractIntegrationTest {

    @Test
    void theAuthorsSaveReadsThePostAndWritesThePostAndItsRevision() throws Exception {
        String token = accounts.tokenFor(Role.AUTHOR);
        PostsClient.Answer created = api.create(token, Map.of("title", "Counted save", "body", "Some *text*.",
                "tags", List.of("counted")));

        StatementsOnThisThread.reset();
        PostsClient.Answer saved = api.update(token, created.id(), created.version(), Map.of("title", "Counted save",
                "slug", created.body().get("slug").asString(), "excerpt", "A new excerpt", "body", "Some *text*.",
                "tags", List.of("counted")));
        List<String> statements = StatementsOnThisThread.statements();

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("author").get("name").asString()).isNotBlank();
        assertThat(saved.body().get("bodyHtml").asString()).isEqualToIgnoringWhitespace("<p>Some <em>text</em>.</p>");
        // The post with its tags (one statement); the post's update and its revision. The token holder's check and
        // the event's outbox row are JDBC, not Hibernate, and are not counted. Neither the author's name (the editor
        // is the author) nor the new revision's row (it is new) is read, and the unchanged tags are not rewritten.
        assertThat(statements).as(String.join("\n", statements)).hasSize(3)
                .noneMatch(sql -> !sql.startsWith("select") && sql.contains("post_tags"))
                .noneMatch(sql -> sql.startsWith("select") && !sql.contains("join") && sql.contains("from post_tags"))
                .noneMatch(sql -> sql.startsWith("select") && sql.contains("from post_revisions"))
                .noneMatch(sql -> sql.startsWith("select u1_0.display_name"));
    }

    @Test
    void aSaveWithOtherTagsReplacesThemAndTheNextReadSeesThem() throws Exception {
        String token = accounts.tokenFor(Role.AUTHOR);
        PostsClient.Answer created = api.create(token, Map.of("title", "Retagged", "tags", List.of("kept", "old")));
        String slug = created.body().get("slug").asString();

        PostsClient.Answer saved = api.update(token, created.id(), created.version(), Map.of("title", "Retagged",
                "slug", slug, "tags", List.of("new", "kept")));
        PostsClient.Answer same = api.update(token, created.id(), saved.version(), Map.of("title", "Retagged again",
                "slug", slug, "tags", List.of("kept", "new")));

        assertThat(saved.body().get("tags").toString()).isEqualTo("[\"kept\",\"new\"]");
        assertThat(same.body().get("tags").toString()).isEqualTo("[\"kept\",\"new\"]");
        assertThat(jdbc.queryForList("select tag from post_tags where post_id = ? order by tag", String.class,
                created.id())).containsExactly("kept", "new");
    }

    @Test
    void aSaveThatLeavesTheBodyAloneKeepsItsHtmlUnlessAnOlderRendererMadeIt() throws Exception {
        String token = accounts.tokenFor(Role.AUTHOR);
        PostsClient.Answer created = api.create(token, Map.of("title", "Kept html", "body", "Some **bold**.",
                "tags", List.of("counted")));
        jdbc.update("update posts set body_html = ?, body_html_version = 0 where id = ?", "<p>stale</p>", created.id());

        PostsClient.Answer saved = api.update(token, created.id(), created.version(), Map.of("title", "Kept html, retitled",
                "slug", created.body().get("slug").asString(), "body", "Some **bold**.", "tags", List.of("counted")));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("bodyHtml").asString()).isEqualToIgnoringWhitespace("<p>Some <strong>bold</strong>.</p>");
    }
}
