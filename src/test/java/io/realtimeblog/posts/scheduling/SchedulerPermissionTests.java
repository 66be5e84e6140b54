package io.realtimeblog.posts.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * A schedule is carried out only while the user who made it may still publish the post: disabling, deleting or
 * demoting them leaves the post unpublished with a failed schedule that says why. Posts are scheduled an hour
 * ahead, so the application's own scheduler (on the real clock) never reaches them; each test runs its own.
 */
@IntegrationTest
class SchedulerPermissionTests extends AbstractIntegrationTest {

    @Autowired
    ScheduleService service;

    String editor;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    @AfterEach
    void deleteTheTestsPosts() throws Exception {
        for (String id : created) {
            Answer current = api.get(editor, id);
            assertThat(api.delete(editor, id, current.version()).status()).isEqualTo(204);
        }
    }

    @Test
    void aPostScheduledByAnAuthorWhoIsThenDisabledIsNotPublishedAndItsScheduleFailsWithTheReason() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Scheduled scheduled = schedule(author.token(), author.token());

        changeUser(author, Map.of("enabled", false));

        JsonNode flagged = post(scheduled.id());
        assertThat(flagged.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(flagged.get("scheduleFailed").asBoolean()).isTrue();
        assertThat(flagged.get("scheduleError").asString()).contains("disabled");
        assertThat(events(scheduled.id(), "blog-schedule-failed")).isEqualTo(1);

        runSchedulerAt(scheduled, scheduled.at().plusSeconds(1));

        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(events(scheduled.id(), "blog-published")).isZero();
        assertThat(events(scheduled.id(), "blog-schedule-failed")).isEqualTo(1);
    }

    @Test
    void aPostScheduledByAnAuthorWhoIsThenDemotedToContributorIsNotPublished() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Scheduled scheduled = schedule(author.token(), author.token());

        changeUser(author, Map.of("role", "CONTRIBUTOR"));
        runSchedulerAt(scheduled, scheduled.at().plusSeconds(1));

        JsonNode post = post(scheduled.id());
        assertThat(post.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(post.get("scheduleFailed").asBoolean()).isTrue();
        assertThat(post.get("scheduleError").asString()).contains("CONTRIBUTOR");
        assertThat(events(scheduled.id(), "blog-published")).isZero();
        assertThat(events(scheduled.id(), "blog-schedule-failed")).isEqualTo(1);
    }

    @Test
    void aSchedulerWhoseAccountWasDeletedDoesNotGetThePostPublished() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Staff formerEditor = accounts.create(Role.EDITOR);
        Scheduled scheduled = schedule(author.token(), formerEditor.token());

        // No API deletes accounts; a row removed from the database must not keep its schedules alive.
        jdbc.update("DELETE FROM users WHERE id = ?", formerEditor.id().toString());
        runSchedulerAt(scheduled, scheduled.at().plusSeconds(1));

        JsonNode post = post(scheduled.id());
        assertThat(post.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(post.get("scheduleFailed").asBoolean()).isTrue();
        assertThat(post.get("scheduleError").asString()).contains("no longer exists");
        assertThat(events(scheduled.id(), "blog-published")).isZero();
        assertThat(events(scheduled.id(), "blog-schedule-failed")).isEqualTo(1);
    }

    @Test
    void theRoleIsCheckedWhenThePostIsDueNotOnlyWhenTheRoleChanges() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Scheduled scheduled = schedule(author.token(), author.token());

        // A role changed behind the service's back (no event): the publish-time check alone must hold.
        jdbc.update("UPDATE users SET role = 'CONTRIBUTOR' WHERE id = ?", author.id().toString());
        runSchedulerAt(scheduled, scheduled.at().plusSeconds(1));

        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(post(scheduled.id()).get("scheduleFailed").asBoolean()).isTrue();
        assertThat(events(scheduled.id(), "blog-published")).isZero();
    }

    @Test
    void aDemotedEditorKeepsTheScheduleOfTheirOwnPostButLosesTheirScheduleOfSomeoneElses() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Staff demoted = accounts.create(Role.EDITOR);
        Scheduled ofOwnPost = schedule(demoted.token(), demoted.token());
        Scheduled ofAuthorsPost = schedule(author.token(), demoted.token());

        changeUser(demoted, Map.of("role", "AUTHOR"));

        assertThat(post(ofOwnPost.id()).get("scheduleFailed").asBoolean()).isFalse();
        assertThat(post(ofAuthorsPost.id()).get("scheduleFailed").asBoolean()).isTrue();
        assertThat(events(ofOwnPost.id(), "blog-schedule-failed")).isZero();

        runSchedulerAt(ofOwnPost, ofOwnPost.at().plusSeconds(1));
        assertThat(post(ofOwnPost.id()).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(post(ofAuthorsPost.id()).get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aSchedulerWhoMayStillPublishGetsThePostPublished() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Scheduled scheduled = schedule(author.token(), author.token());

        changeUser(author, Map.of("displayName", "Renamed Author"));
        runSchedulerAt(scheduled, scheduled.at().plusSeconds(1));

        assertThat(post(scheduled.id()).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(events(scheduled.id(), "blog-schedule-failed")).isZero();
    }

    private record Scheduled(String id, Instant at) {
    }

    /** A post of {@code authorToken}'s user, scheduled an hour ahead by {@code schedulerToken}'s user. */
    private Scheduled schedule(String authorToken, String schedulerToken) throws Exception {
        Answer draft = api.create(authorToken, "Scheduled " + UUID.randomUUID());
        created.add(draft.id());
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        assertThat(api.schedule(schedulerToken, draft.id(), draft.version(), at).status()).isEqualTo(200);
        return new Scheduled(draft.id(), at);
    }

    private void runSchedulerAt(Scheduled scheduled, Instant now) {
        SchedulerRounds.publishOnly(jdbc, service, scheduled.id(), now);
    }

    private void changeUser(Staff user, Map<String, Object> changes) throws Exception {
        assertThat(mvc.perform(patch("/api/users/" + user.id())
                .header("Authorization", TestAccounts.bearer(accounts.adminToken()))
                .contentType("application/json").content(json.writeValueAsString(changes)))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private JsonNode post(String id) throws Exception {
        return api.get(editor, id).body();
    }

    private long events(String id, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ? AND event_type = ?",
                Long.class, id, type);
    }
}
