package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ScheduleApiTests extends AbstractIntegrationTest {

    String editor;

    @BeforeEach
    void setUp() {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void schedulingAFutureTimeAnswers200WithStatusScheduledAndAnnouncesBlogScheduled() throws Exception {
        Answer created = api.create(editor, "Scheduled " + UUID.randomUUID());
        Instant at = inAnHour();

        Answer scheduled = api.schedule(editor, created.id(), created.version(), at);

        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.etag()).isEqualTo("\"" + scheduled.version() + "\"");
        assertThat(scheduled.version()).isEqualTo(created.version() + 1);
        JsonNode post = scheduled.body();
        assertThat(post.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(post.get("scheduledAt").asString())).isEqualTo(at);
        assertThat(post.get("publishedAt").isNull()).isTrue();
        assertThat(post.get("scheduleFailed").asBoolean()).isFalse();
        assertThat(post.get("scheduleError").isNull()).isTrue();
        assertThat(api.get(editor, created.id()).body()).isEqualTo(post);

        String payload = jdbc.queryForObject("SELECT payload FROM outbox_events WHERE post_id = ? AND event_type = ?",
                String.class, created.id(), "blog-scheduled");
        JsonNode event = json.readTree(payload);
        assertThat(event.get("wasPublic").asBoolean()).isFalse();
        assertThat(event.get("post").get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(event.get("post").get("scheduledAt").asString())).isEqualTo(at);
    }

    @Test
    void aPastTimeIs400Problem() throws Exception {
        Answer created = api.create(editor, "Past " + UUID.randomUUID());

        Answer answer = api.schedule(editor, created.id(), created.version(), Instant.now().minusSeconds(60));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).endsWith("bad-schedule");
        assertThat(api.get(editor, created.id()).body().get("status").asString()).isEqualTo("DRAFT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-12-31T23:59:59.999999999Z", "+292278994-08-17T07:12:55.807Z",
            "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"})
    void aTimeBeyondTheHorizonIs400AndChangesNothing(String scheduledAt) throws Exception {
        Answer created = api.create(editor, "Far future " + UUID.randomUUID());

        Answer answer = api.schedule(editor, created.id(), created.version(), scheduledAt);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("/problems/bad-schedule");
        assertUnchanged(created);
    }

    @Test
    void aTimeJustBeyondTenYearsIs400AndOneJustWithinIsAccepted() throws Exception {
        Answer created = api.create(editor, "Horizon " + UUID.randomUUID());

        Answer beyond = api.schedule(editor, created.id(), created.version(),
                Instant.now().plus(3653, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.body().get("type").asString()).isEqualTo("/problems/bad-schedule");
        assertUnchanged(created);

        Instant within = Instant.now().plus(3652, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Answer scheduled = api.schedule(editor, created.id(), created.version(), within);
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(Instant.parse(scheduled.body().get("scheduledAt").asString())).isEqualTo(within);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1000000000-01-01T00:00:00Z", "+1000000001-01-01T00:00:00Z", "9999999999999999999",
            "not a time", "1e400"})
    void anUnreadableOrUnrepresentableTimeIs400AndChangesNothing(String scheduledAt) throws Exception {
        Answer created = api.create(editor, "Unreadable " + UUID.randomUUID());

        Answer answer = api.schedule(editor, created.id(), created.version(), scheduledAt);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isIn("/problems/malformed-body", "/problems/bad-schedule");
        assertUnchanged(created);
    }

    private void assertUnchanged(Answer created) throws Exception {
        Answer now = api.get(editor, created.id());
        assertThat(now.body()).isEqualTo(created.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE post_id = ? AND event_type = ?",
                Integer.class, created.id(), "blog-scheduled")).isZero();
    }

    @Test
    void aContributorMayNotSchedule() throws Exception {
        String contributor = accounts.tokenFor(Role.CONTRIBUTOR);
        Answer created = api.create(contributor, "Contributed " + UUID.randomUUID());

        Answer answer = api.schedule(contributor, created.id(), created.version(), inAnHour());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aStaleVersionIs409WithTheCurrentPost() throws Exception {
        Answer created = api.create(editor, "Stale " + UUID.randomUUID());
        Answer edited = api.update(editor, created.id(), created.version(), Map.of("title", "Edited"));

        Answer answer = api.schedule(editor, created.id(), created.version(), inAnHour());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("type").asString()).endsWith("stale-version");
        assertThat(answer.body().get("currentPost").get("version").asLong()).isEqualTo(edited.version());
        assertThat(answer.body().get("currentPost").get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void unpublishingAScheduledPostReturnsItToDraft() throws Exception {
        Answer created = api.create(editor, "Unschedule " + UUID.randomUUID());
        Answer scheduled = api.schedule(editor, created.id(), created.version(), inAnHour());

        Answer unpublished = api.unpublish(editor, created.id(), scheduled.version());

        assertThat(unpublished.status()).isEqualTo(200);
        assertThat(unpublished.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(unpublished.body().get("scheduledAt").isNull()).isTrue();
        String payload = jdbc.queryForObject("SELECT payload FROM outbox_events WHERE post_id = ? AND event_type = ?",
                String.class, created.id(), "blog-unpublished");
        assertThat(json.readTree(payload).get("wasPublic").asBoolean()).isFalse();
    }

    @Test
    void aScheduledPostCanBePublishedNow() throws Exception {
        Answer created = api.create(editor, "Now " + UUID.randomUUID());
        Answer scheduled = api.schedule(editor, created.id(), created.version(), inAnHour());

        Answer published = api.publish(editor, created.id(), scheduled.version());

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("scheduledAt").isNull()).isTrue();
        assertThat(Instant.parse(published.body().get("publishedAt").asString())).isBefore(inAnHour());
    }

    @Test
    void editingAScheduledPostKeepsItScheduled() throws Exception {
        Answer created = api.create(editor, "Edit scheduled " + UUID.randomUUID());
        Instant at = inAnHour();
        Answer scheduled = api.schedule(editor, created.id(), created.version(), at);

        Answer edited = api.update(editor, created.id(), scheduled.version(), Map.of("title", "New title"));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(edited.body().get("scheduledAt").asString())).isEqualTo(at);
    }

    @Test
    void aPublishedPostCannotBeScheduled() throws Exception {
        Answer created = api.create(editor, "Published " + UUID.randomUUID());
        Answer published = api.publish(editor, created.id(), created.version());

        Answer answer = api.schedule(editor, created.id(), published.version(), inAnHour());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("type").asString()).endsWith("invalid-post-state");
    }

    @Test
    void aScheduledPostIsInvisibleToOtherAuthors() throws Exception {
        Answer created = api.create(editor, "Hidden " + UUID.randomUUID());
        api.schedule(editor, created.id(), created.version(), inAnHour());

        assertThat(api.get(accounts.tokenFor(Role.AUTHOR), created.id()).status()).isEqualTo(404);
    }
}
