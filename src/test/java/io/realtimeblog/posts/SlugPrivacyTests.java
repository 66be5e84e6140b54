package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.posts.editing.Slugs;
import io.realtimeblog.posts.scheduling.ScheduleService;
import io.realtimeblog.posts.scheduling.SchedulerRounds;
import io.realtimeblog.users.Role;

/**
 * No draft oracle: a slug held only by a post the caller may not see is as free as an unused one, for explicit
 * and generated slugs alike; the public URL stays unique because publication picks a free public slug.
 */
@IntegrationTest
class SlugPrivacyTests extends AbstractIntegrationTest {

    @Autowired
    ScheduleService service;

    String ana;
    String bob;
    String editor;
    String slug;

    @BeforeEach
    void setUp() {
        ana = accounts.tokenFor(Role.AUTHOR);
        bob = accounts.tokenFor(Role.AUTHOR);
        editor = accounts.tokenFor(Role.EDITOR);
        slug = "launch-plan-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSlugOfSomeoneElsesDraftIsFreeForMe() throws Exception {
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        String contributor = accounts.tokenFor(Role.CONTRIBUTOR);

        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", slug));
        Answer contributors = api.create(contributor, Map.of("title", "A plan", "slug", "x-" + slug));
        Answer renamed = api.update(contributor, contributors.id(), contributors.version(),
                Map.of("title", "A plan", "slug", slug));

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.body().get("slug").asString()).isEqualTo(slug);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("slug").asString()).isEqualTo(slug);
        Answer anasNow = api.get(ana, anas.id());
        assertThat(anasNow.version()).isEqualTo(anas.version());
        assertThat(anasNow.body().get("slug").asString()).isEqualTo(slug);
    }

    @Test
    void aGeneratedSlugDoesNotSkipTheSlugOfSomeoneElsesDraft() throws Exception {
        String title = "Secret roadmap " + UUID.randomUUID();
        Answer anas = api.create(ana, title);

        Answer bobs = api.create(bob, title);
        Answer bobsSecond = api.create(bob, title);

        assertThat(bobs.body().get("slug").asString()).isEqualTo(anas.body().get("slug").asString())
                .isEqualTo(Slugs.fromTitle(title));
        // Bob's own posts do count for Bob.
        assertThat(bobsSecond.body().get("slug").asString()).isEqualTo(Slugs.fromTitle(title) + "-2");
    }

    @Test
    void aSlugOfAPostICanSeeIsStillTaken() throws Exception {
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        api.publish(ana, anas.id(), anas.version());
        long postsBefore = postCount();

        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", slug));
        Answer editors = api.create(editor, Map.of("title", "Plan by Editor", "slug", slug));

        assertThat(bobs.status()).isEqualTo(409);
        assertThat(bobs.body().get("type").asString()).isEqualTo("/problems/slug-taken");
        assertThat(editors.status()).isEqualTo(409);
        assertThat(postCount()).isEqualTo(postsBefore);
    }

    @Test
    void anAdminOrEditorSeesEveryDraftSoTheirClashIsAnswered() throws Exception {
        api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        long postsBefore = postCount();

        Answer editors = api.create(editor, Map.of("title", "Plan by Editor", "slug", slug));

        assertThat(editors.status()).isEqualTo(409);
        assertThat(postCount()).isEqualTo(postsBefore);
    }

    @Test
    void publishingAtASlugAnotherPublishedPostHasTakesTheNextFreeOne() throws Exception {
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", slug));
        api.publish(ana, anas.id(), anas.version());

        Answer published = api.publish(bob, bobs.id(), bobs.version());

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("slug").asString()).isEqualTo(slug + "-2");
        assertThat(publicPage(slug)).contains("Plan by Ana");
        assertThat(publicPage(slug + "-2")).contains("Plan by Bob");
        assertThat(publishedEventSlug(bobs.id())).isEqualTo(slug + "-2");
        assertThat(jdbc.queryForObject("SELECT changed_fields FROM post_revisions WHERE post_id = ? "
                + "AND action = 'PUBLISHED'", String.class, bobs.id())).isEqualTo("status,slug");
    }

    @Test
    void aScheduledPostWhosePublicSlugWasTakenMeanwhileIsPublishedAtTheNextFreeOne() throws Exception {
        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", slug));
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        api.schedule(bob, bobs.id(), bobs.version(), at);
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        api.publish(ana, anas.id(), anas.version());

        SchedulerRounds.publishOnly(jdbc, service, bobs.id(), at.plusSeconds(1));

        Answer published = api.get(bob, bobs.id());
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("slug").asString()).isEqualTo(slug + "-2");
        assertThat(publicPage(slug)).contains("Plan by Ana");
        api.delete(bob, bobs.id(), published.version()); // dated an hour ahead: keep it off other tests' home page
    }

    @Test
    void unpublishingFreesThePublicSlug() throws Exception {
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        Answer published = api.publish(ana, anas.id(), anas.version());
        api.unpublish(ana, anas.id(), published.version());
        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", slug));

        Answer bobsPublished = api.publish(bob, bobs.id(), bobs.version());

        assertThat(bobsPublished.body().get("slug").asString()).isEqualTo(slug);
        assertThat(publicPage(slug)).contains("Plan by Bob");
    }

    @Test
    void aPublishedPostCannotTakeTheSlugOfAnotherPublishedPost() throws Exception {
        Answer anas = api.create(ana, Map.of("title", "Plan by Ana", "slug", slug));
        api.publish(ana, anas.id(), anas.version());
        Answer bobs = api.create(bob, Map.of("title", "Plan by Bob", "slug", "b-" + slug));
        Answer bobsPublished = api.publish(bob, bobs.id(), bobs.version());

        Answer renamed = api.update(editor, bobs.id(), bobsPublished.version(),
                Map.of("title", "Plan by Bob", "slug", slug));

        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.body().get("type").asString()).isEqualTo("/problems/slug-taken");
        assertThat(api.get(bob, bobs.id()).version()).isEqualTo(bobsPublished.version());
        assertThat(publicPage("b-" + slug)).contains("Plan by Bob");
    }

    private String publicPage(String path) throws Exception {
        var response = mvc.perform(get("/posts/" + path)).andReturn().getResponse();
        assertThat(response.getStatus()).as("/posts/" + path).isEqualTo(200);
        return response.getContentAsString();
    }

    private String publishedEventSlug(String postId) {
        String payload = jdbc.queryForObject("SELECT payload FROM outbox_events WHERE post_id = ? "
                + "AND event_type = 'blog-published'", String.class, postId);
        return json.readTree(payload).get("post").get("slug").asString();
    }

    private long postCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM posts", Long.class);
    }
}
