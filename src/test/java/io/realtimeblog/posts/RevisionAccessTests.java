package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * A post's history holds its drafts: published, unpublished, edited to a secret, edited back and republished, the
 * secret must stay the author's (and ADMIN's and EDITOR's) although the post is public again.
 */
@IntegrationTest
class RevisionAccessTests extends AbstractIntegrationTest {

    private static final String SECRET = "Secret merger with Example Corp";

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    Staff author;
    String otherAuthor;
    String contributor;
    String editor;
    String postId;

    @BeforeEach
    void publishedUnpublishedEditedToASecretEditedBackAndRepublished() throws Exception {
        author = accounts.create(Role.AUTHOR);
        otherAuthor = accounts.tokenFor(Role.AUTHOR);
        contributor = accounts.tokenFor(Role.CONTRIBUTOR);
        editor = accounts.tokenFor(Role.EDITOR);

        String title = "Quarterly news " + UUID.randomUUID();
        Answer post = api.create(author.token(), Map.of("title", title, "body", "Nothing to see."));
        postId = post.id();
        post = api.publish(author.token(), postId, post.version());
        post = api.unpublish(author.token(), postId, post.version());
        post = api.update(author.token(), postId, post.version(),
                Map.of("title", SECRET, "body", SECRET + " closes on Friday."));
        post = api.update(author.token(), postId, post.version(), Map.of("title", title, "body", "Nothing to see."));
        post = api.publish(author.token(), postId, post.version());
        assertThat(post.body().get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void otherAuthorsAndContributorsSeeOnlyThePublishedStatesInTheHistory() throws Exception {
        for (String reader : List.of(otherAuthor, contributor)) {
            Answer history = api.revisions(reader, postId);
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.body().toString()).doesNotContain(SECRET);
            assertThat(statuses(history.body())).containsOnly("PUBLISHED").hasSize(2);
        }
    }

    @Test
    void aDirectReadOfADraftRevisionAnswers404AsIfItDidNotExist() throws Exception {
        String secret = secretRevisionId();
        for (String reader : List.of(otherAuthor, contributor)) {
            Answer answer = api.revision(reader, postId, secret);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("type").asString()).endsWith("/problems/revision-not-found");
            assertThat(answer.body().toString()).doesNotContain(SECRET);
            Answer unknown = api.revision(reader, postId, UUID.randomUUID().toString());
            assertThat(unknown.body().get("type")).isEqualTo(answer.body().get("type"));
            assertThat(unknown.body().get("title")).isEqualTo(answer.body().get("title"));
        }
    }

    @Test
    void aPublishedRevisionStaysReadableByEveryone() throws Exception {
        JsonNode history = api.revisions(otherAuthor, postId).body();
        String published = history.get(0).get("id").asString();

        Answer answer = api.revision(contributor, postId, published);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("body").asString()).isEqualTo("Nothing to see.");
    }

    @Test
    void theAuthorAndAnEditorStillSeeTheWholeHistory() throws Exception {
        for (String reader : List.of(author.token(), editor)) {
            Answer history = api.revisions(reader, postId);
            assertThat(history.body()).hasSize(6);
            assertThat(api.revision(reader, postId, secretRevisionId()).body().get("body").asString())
                    .contains(SECRET);
        }
    }

    @Test
    void restoringADraftRevisionIsRefusedToOthersAndChangesNothing() throws Exception {
        String secret = secretRevisionId();
        Answer before = api.get(editor, postId);
        long outboxBefore = outboxRows();

        for (String other : List.of(otherAuthor, contributor)) {
            Answer restore = api.restore(other, postId, secret, before.version());
            assertThat(restore.status()).isIn(403, 404);
            assertThat(restore.body().toString()).doesNotContain(SECRET);
        }

        Answer after = api.get(editor, postId);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.body().get("body").asString()).isEqualTo("Nothing to see.");
        assertThat(api.revisions(editor, postId).body()).hasSize(6);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    private String secretRevisionId() throws Exception {
        for (JsonNode revision : api.revisions(author.token(), postId).body()) {
            if (revision.get("title").asString().equals(SECRET)) {
                return revision.get("id").asString();
            }
        }
        throw new AssertionError("The author's history has no revision with the secret");
    }

    private long outboxRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ?", Long.class, postId);
    }

    private static List<String> statuses(JsonNode history) {
        List<String> statuses = new ArrayList<>();
        history.forEach(revision -> statuses.add(revision.get("status").asString()));
        return statuses;
    }
}
