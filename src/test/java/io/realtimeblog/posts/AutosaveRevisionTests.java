package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Autosaves (PUT with {@code "autosave": true}) are saves like any other (new version, the same event) but do not
 * flood the history: one revision per author and autosave window (10 minutes by default); explicit saves always
 * add one.
 */
@IntegrationTest
class AutosaveRevisionTests extends AbstractIntegrationTest {

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    String ana;
    String bob;
    Answer post;

    @BeforeEach
    void aDraft() throws Exception {
        ana = accounts.tokenFor(Role.EDITOR);
        bob = accounts.tokenFor(Role.EDITOR);
        post = api.create(ana, Map.of("title", "Autosaved " + UUID.randomUUID(), "body", "Start."));
    }

    @Test
    void autosavesOfOneAuthorWithinTheWindowMakeOneRevisionWithTheLatestContent() throws Exception {
        Answer first = autosave(ana, post, "Start. One.");
        Answer second = autosave(ana, first, "Start. One. Two.");
        Answer third = autosave(ana, second, "Start. One. Two. Three.");

        assertThat(List.of(first.version(), second.version(), third.version())).containsExactly(1L, 2L, 3L);
        JsonNode history = api.revisions(ana, post.id()).body();
        assertThat(actions(history)).containsExactly("UPDATED", "CREATED");
        assertThat(history.get(0).get("version").asLong()).isEqualTo(3);
        assertThat(history.get(0).get("changedFields").toString()).contains("body");
        Answer latest = api.revision(ana, post.id(), history.get(0).get("id").asString());
        assertThat(latest.body().get("body").asString()).isEqualTo("Start. One. Two. Three.");
        // Every autosave is a save: the live list and other editors hear of each one.
        assertThat(updatedEvents(post.id())).isEqualTo(3);
    }

    @Test
    void anExplicitSaveIsAlwaysARevisionAndEndsTheAutosaveGroup() throws Exception {
        Answer auto = autosave(ana, post, "Draft words.");
        Answer saved = api.update(ana, post.id(), auto.version(), Map.of("title", title(), "body", "Saved words."));
        Answer savedAgain = api.update(ana, post.id(), saved.version(),
                Map.of("title", title(), "body", "Saved again.", "autosave", false));
        Answer autoAfter = autosave(ana, savedAgain, "More draft words.");
        autosave(ana, autoAfter, "Even more draft words.");

        JsonNode history = api.revisions(ana, post.id()).body();
        assertThat(versions(history)).containsExactly(5L, 3L, 2L, 1L, 0L);
    }

    @Test
    void anAutosaveAfterTheWindowStartsANewRevision() throws Exception {
        Answer first = autosave(ana, post, "Before lunch.");
        // The group began eleven minutes ago (the window is ten).
        jdbc.update("UPDATE post_revisions SET autosave_since = ? WHERE post_id = ? AND post_version = 1",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(11))), post.id());
        Answer second = autosave(ana, first, "After lunch.");
        autosave(ana, second, "After lunch, more.");

        assertThat(versions(api.revisions(ana, post.id()).body())).containsExactly(3L, 1L, 0L);
    }

    @Test
    void anotherAuthorsAutosaveDoesNotFoldIntoMine() throws Exception {
        Answer mine = autosave(ana, post, "Ana's words.");
        Answer theirs = autosave(bob, mine, "Bob's words.");
        autosave(ana, theirs, "Ana again.");

        JsonNode history = api.revisions(ana, post.id()).body();
        assertThat(versions(history)).containsExactly(3L, 2L, 1L, 0L);
    }

    @Test
    void aStaleAutosaveChangesNothingAndAnswersTheConflict() throws Exception {
        Answer saved = autosave(ana, post, "Saved first.");
        int revisions = revisionRows(post.id());

        Answer stale = autosave(ana, post, "Typed on the old version.");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("currentPost").get("body").asString()).isEqualTo("Saved first.");
        assertThat(api.get(ana, post.id()).version()).isEqualTo(saved.version());
        assertThat(revisionRows(post.id())).isEqualTo(revisions);
        assertThat(updatedEvents(post.id())).isEqualTo(1);
    }

    @Test
    void anAutosaveFlagThatIsNotABooleanIsRefusedAndChangesNothing() throws Exception {
        Answer refused = api.update(ana, post.id(), post.version(),
                Map.of("title", title(), "body", "Sneaky.", "autosave", "sometimes"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/malformed-body");
        assertThat(api.get(ana, post.id()).version()).isEqualTo(post.version());
        assertThat(revisionRows(post.id())).isEqualTo(1);
        assertThat(updatedEvents(post.id())).isZero();
    }

    private Answer autosave(String token, Answer from, String body) throws Exception {
        return api.update(token, post.id(), from.version(), Map.of("title", title(), "body", body, "autosave", true));
    }

    private String title() {
        return post.body().get("title").asString();
    }

    private int revisionRows(String postId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM post_revisions WHERE post_id = ?", Integer.class, postId);
    }

    private int updatedEvents(String postId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ? AND event_type = 'blog-updated'",
                Integer.class, postId);
    }

    private static List<String> actions(JsonNode history) {
        List<String> actions = new ArrayList<>();
        history.forEach(row -> actions.add(row.get("action").asString()));
        return actions;
    }

    private static List<Long> versions(JsonNode history) {
        List<Long> versions = new ArrayList<>();
        history.forEach(row -> versions.add(row.get("version").asLong()));
        return versions;
    }
}
