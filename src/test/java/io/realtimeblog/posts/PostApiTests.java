package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PostApiTests extends AbstractIntegrationTest {

    String editor;

    @BeforeEach
    void setUp() throws Exception {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    @Test
    void createReturns201WithLocationVersionAndRenderedBody() throws Exception {
        Answer created = api.create(editor, Map.of("title", "Hello Realtime", "excerpt", "Short",
                "body", "# Hi\n\nSome **bold** text", "tags", List.of(" News ", "news", "Java")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/posts/" + created.id());
        assertThat(created.etag()).isEqualTo("\"" + created.version() + "\"");
        JsonNode post = created.body();
        assertThat(post.get("slug").asString()).startsWith("hello-realtime");
        assertThat(post.get("status").asString()).isEqualTo("DRAFT");
        assertThat(post.get("bodyHtml").asString()).contains("<strong>bold</strong>");
        assertThat(post.get("tags").toString()).isEqualTo("[\"java\",\"news\"]");
        assertThat(post.get("author").get("name").asString()).isNotBlank();
        assertThat(post.has("createdAt") && post.has("updatedAt") && post.has("version")).isTrue();

        Answer fetched = api.get(editor, created.id());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(post);
    }

    @Test
    void everyChangeGrowsTheVersionByOne() throws Exception {
        Answer created = api.create(editor, "Versioned " + UUID.randomUUID());
        long v0 = created.version();
        Answer edited = api.update(editor, created.id(), v0, Map.of("title", "Edited title"));
        Answer published = api.publish(editor, created.id(), edited.version());
        Answer unpublished = api.unpublish(editor, created.id(), published.version());

        assertThat(List.of(edited.version(), published.version(), unpublished.version()))
                .containsExactly(v0 + 1, v0 + 2, v0 + 3);
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("publishedAt").isNull()).isFalse();
        assertThat(unpublished.body().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void staleWriteGets409WithTheCurrentPostAndChangesNothing() throws Exception {
        Answer created = api.create(editor, "Conflict " + UUID.randomUUID());
        Answer first = api.update(editor, created.id(), created.version(),
                Map.of("title", "First writer wins", "body", "first"));

        Answer stale = api.update(editor, created.id(), created.version(),
                Map.of("title", "Second writer", "body", "second"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().get("type").asString()).isEqualTo("/problems/stale-version");
        assertThat(stale.body().get("currentPost").get("title").asString()).isEqualTo("First writer wins");
        assertThat(stale.body().get("currentPost").get("version").asLong()).isEqualTo(first.version());
        Answer stored = api.get(editor, created.id());
        assertThat(stored.body()).isEqualTo(first.body());
        assertThat(api.revisions(editor, created.id()).body()).hasSize(2);
    }

    @Test
    void staleStatusChangesAndDeletesAreRefusedToo() throws Exception {
        Answer created = api.create(editor, "Stale ops " + UUID.randomUUID());
        Answer edited = api.update(editor, created.id(), created.version(), Map.of("title", "Moved on"));

        assertThat(api.publish(editor, created.id(), created.version()).status()).isEqualTo(409);
        assertThat(api.delete(editor, created.id(), created.version()).status()).isEqualTo(409);
        assertThat(api.get(editor, created.id()).body()).isEqualTo(edited.body());
    }

    @Test
    void versionInTheBodyIsAcceptedAndAWriteWithoutVersionGets428() throws Exception {
        Answer created = api.create(editor, "Body version " + UUID.randomUUID());
        Map<String, Object> edit = new HashMap<>(Map.of("title", "Via body field", "version", created.version()));
        Answer viaBody = api.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/posts/{id}", created.id()), editor, edit);
        assertThat(viaBody.status()).isEqualTo(200);

        Answer missing = api.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/posts/{id}", created.id()), editor, Map.of("title", "No version"));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.body().get("type").asString()).isEqualTo("/problems/version-required");
    }

    @Test
    void twoConcurrentPublicationsAtTheSameSlugGetDistinctPublicUrls() throws Exception {
        String slug = "contended-" + UUID.randomUUID();
        int writers = 4;
        List<Answer> drafts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            // Drafts of different authors may share a slug (each author sees only their own drafts).
            drafts.add(api.create(accounts.tokenFor(Role.AUTHOR), Map.of("title", "Same", "slug",
                    slug)));
        }
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (Answer draft : drafts) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.publish(editor, draft.id(), draft.version());
                }));
            }
            List<String> slugs = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                slugs.add(answer.get().body().get("slug").asString());
            }
            assertThat(slugs).doesNotHaveDuplicates().contains(slug).allMatch(s -> s.startsWith(slug));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExplicitSlugThatIsTakenGets409AndCanBeEdited() throws Exception {
        String slug = "taken-" + UUID.randomUUID();
        Answer first = api.create(editor, Map.of("title", "One", "slug", slug));
        assertThat(first.body().get("slug").asString()).isEqualTo(slug);

        Answer second = api.create(editor, Map.of("title", "Two", "slug", slug));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("type").asString()).isEqualTo("/problems/slug-taken");

        Answer renamed = api.update(editor, first.id(), first.version(), Map.of("title", "One", "slug", slug + "-x"));
        assertThat(renamed.body().get("slug").asString()).isEqualTo(slug + "-x");
    }

    @Test
    void revisionsRecordWhoWhenAndWhatAndRestoreIsANewSave() throws Exception {
        Answer created = api.create(editor, Map.of("title", "Original", "body", "original body"));
        Answer edited = api.update(editor, created.id(), created.version(),
                Map.of("title", "Changed", "body", "changed body"));

        JsonNode history = api.revisions(editor, created.id()).body();
        assertThat(history).hasSize(2);
        JsonNode latest = history.get(0);
        assertThat(latest.get("action").asString()).isEqualTo("UPDATED");
        assertThat(latest.get("changedFields").toString()).isEqualTo("[\"title\",\"body\"]");
        assertThat(latest.get("editor").get("name").asString()).isNotBlank();
        assertThat(latest.get("createdAt").isNull()).isFalse();
        String originalRevision = history.get(1).get("id").asString();
        assertThat(api.revision(editor, created.id(), originalRevision).body().get("body").asString())
                .isEqualTo("original body");

        Answer restored = api.restore(editor, created.id(), originalRevision, edited.version());

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.version()).isEqualTo(edited.version() + 1);
        assertThat(restored.body().get("title").asString()).isEqualTo("Original");
        assertThat(restored.body().get("body").asString()).isEqualTo("original body");
        JsonNode after = api.revisions(editor, created.id()).body();
        assertThat(after).hasSize(3);
        assertThat(after.get(0).get("action").asString()).isEqualTo("RESTORED");
    }

    @Test
    void deleteRemovesThePostAndItsHistory() throws Exception {
        Answer created = api.create(editor, "To delete " + UUID.randomUUID());
        assertThat(api.delete(editor, created.id(), created.version()).status()).isEqualTo(204);
        Answer gone = api.get(editor, created.id());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("type").asString()).isEqualTo("/problems/post-not-found");
        assertThat(api.revisions(editor, created.id()).status()).isEqualTo(404);
    }

    @Test
    void listSearchesFiltersSortsAndPages() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String tag = "t" + marker;
        Answer a = api.create(editor, Map.of("title", "Alpha " + marker, "tags", List.of(tag)));
        Answer b = api.create(editor, Map.of("title", "Beta", "body", "mentions " + marker));
        Answer c = api.create(editor, Map.of("title", "Gamma " + marker, "tags", List.of(tag)));
        api.publish(editor, c.id(), c.version());

        JsonNode byText = api.list(editor, "?q=" + marker.toUpperCase() + "&sort=title,asc").body();
        assertThat(byText.get("totalItems").asLong()).isEqualTo(3);
        assertThat(titles(byText)).containsExactly("Alpha " + marker, "Beta", "Gamma " + marker);

        JsonNode byTag = api.list(editor, "?q=" + marker + "&tag=" + tag).body();
        assertThat(titles(byTag)).containsExactlyInAnyOrder("Alpha " + marker, "Gamma " + marker);

        JsonNode published = api.list(editor, "?q=" + marker + "&status=PUBLISHED").body();
        assertThat(titles(published)).containsExactly("Gamma " + marker);

        String authorId = a.body().get("author").get("id").asString();
        JsonNode byAuthor = api.list(editor, "?q=" + marker + "&author=" + authorId).body();
        assertThat(byAuthor.get("totalItems").asLong()).isEqualTo(3);

        JsonNode page1 = api.list(editor, "?q=" + marker + "&sort=title,desc&size=2&page=1").body();
        assertThat(titles(page1)).containsExactly("Alpha " + marker);
        assertThat(page1.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page1.get("items").get(0).has("body")).isFalse();
        assertThat(b.status()).isEqualTo(201);
    }

    @Test
    void searchTreatsWildcardsLiterally() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        api.create(editor, "100% sure " + marker);
        api.create(editor, "1000 sure " + marker);
        JsonNode found = api.list(editor, "?q=100%25%20sure%20" + marker).body();
        assertThat(titles(found)).containsExactly("100% sure " + marker);
    }

    @Test
    void previewRendersLikeTheServerDoes() throws Exception {
        Answer preview = api.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/posts/preview"), editor, Map.of("body", "*hi* <script>alert(1)</script>"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("html").asString()).contains("<em>hi</em>").doesNotContain("<script");
    }

    @Test
    void storedPostsRenderMarkdownAttacksInert() throws Exception {
        String attack = "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>";
        Answer created = api.create(editor, Map.of("title", "XSS", "body", attack));
        String html = created.body().get("bodyHtml").asString().toLowerCase();
        assertThat(html).doesNotContain("<script", "javascript:", "onerror", "<iframe");
        assertThat(created.body().get("body").asString()).isEqualTo(attack);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }
}
