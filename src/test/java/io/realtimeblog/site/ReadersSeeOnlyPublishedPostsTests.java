package io.realtimeblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.site.StaffPosts.Written;
import io.realtimeblog.users.Role;

/**
 * Drafts, scheduled posts and posts that were published and then unpublished never reach readers: not in any
 * page, the feed or the sitemap (asserted on the raw HTML and XML), and their own addresses answer exactly like
 * addresses that never existed.
 */
@IntegrationTest
class ReadersSeeOnlyPublishedPostsTests extends EditorsPostsTest {

    @Test
    void draftScheduledAndUnpublishedPostsAppearInNoPageFeedOrSitemap() throws Exception {
        String shared = "shared-" + marker;
        Written draft = posts.draft("Secret draft " + marker, "Draft body words " + marker, "Draft excerpt " + marker,
                List.of(shared, "draft-only-" + marker));
        Written scheduled = schedule(posts.draft("Secret scheduled " + marker, "Scheduled body words " + marker,
                "Scheduled excerpt " + marker, List.of(shared)));
        Written withdrawn = posts.unpublish(posts.published("Secret withdrawn " + marker,
                "Withdrawn body words " + marker, "Withdrawn excerpt " + marker, List.of(shared)));
        Written visible = posts.published("Visible post " + marker, "Visible body", "Visible excerpt", List.of(shared));

        List<String> secrets = List.of("Secret", "Draft body words", "Draft excerpt", "draft-only-",
                "Scheduled body words", "Scheduled excerpt", "Withdrawn body words", "Withdrawn excerpt",
                draft.slug(), scheduled.slug(), withdrawn.slug(), draft.id(), scheduled.id(), withdrawn.id());
        for (String path : List.of("/", "/tags/" + shared, "/authors/" + editor.id(), "/feed.xml", "/sitemap.xml")) {
            String raw = fetch(path).getContentAsString();
            assertThat(raw).as(path).contains(visible.slug());
            for (String secret : secrets) {
                assertThat(raw).as(path + " must not show " + secret).doesNotContain(secret);
            }
        }
        assertThat(fetch("/posts/" + visible.slug()).getContentAsString()).doesNotContain(secrets);
    }

    @Test
    void addressesOfPostsReadersMayNotSeeAnswerLikeAddressesThatNeverExisted() throws Exception {
        Written draft = posts.draft("Hidden draft " + marker, "Body", "", List.of("hidden-" + marker));
        Written scheduled = schedule(posts.draft("Hidden scheduled " + marker, "Body", "", List.of()));
        Written withdrawn = posts.unpublish(posts.published("Hidden withdrawn " + marker, "Body", "", List.of()));
        String never = "/posts/never-written-" + marker;
        MockHttpServletResponse nothing = fetch(never);

        for (Written hidden : List.of(draft, scheduled, withdrawn)) {
            String path = "/posts/" + hidden.slug();
            MockHttpServletResponse response = fetch(path);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).isEqualTo(nothing.getContentType()).startsWith("text/html");
            assertThat(response.getContentAsString().replace(path, never)).isEqualTo(nothing.getContentAsString());
        }
        assertThat(fetch("/tags/hidden-" + marker).getStatus()).isEqualTo(404);
    }

    @Test
    void authorWithOnlyDraftsHasNoArchive() throws Exception {
        TestAccounts.Staff contributor = accounts.create(Role.CONTRIBUTOR);
        new StaffPosts(api, contributor.token()).draft("Contributor draft " + marker, "Body", "", List.of());

        assertThat(fetch("/authors/" + contributor.id()).getStatus()).isEqualTo(404);
        assertThat(fetch("/authors/" + UUID.randomUUID()).getStatus()).isEqualTo(404);
        assertThat(fetch("/authors/not-a-uuid").getStatus()).isEqualTo(404);
    }

    /** Until the scheduling API exists, a draft is marked scheduled in the database, as the scheduler will. */
    private Written schedule(Written draft) {
        int changed = jdbc.update("update posts set status = 'SCHEDULED', scheduled_at = ?, version = version + 1 "
                + "where id = ?", Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)), draft.id());
        assertThat(changed).isEqualTo(1);
        return new Written(draft.id(), draft.slug(), draft.title(), draft.version() + 1);
    }

    private MockHttpServletResponse fetch(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }
}
