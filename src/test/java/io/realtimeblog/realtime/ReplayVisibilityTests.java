package io.realtimeblog.realtime;

import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resuming client is replayed is decided by each post's visibility now, not when the event happened: of a
 * post that was unpublished or deleted since, readers, contributors and other authors get only the removal, and
 * nobody gets a deleted post's content; from memory and from Kafka alike (blog.realtime.recent-events is 50 in
 * tests, so more than 50 events after the position make it a Kafka replay).
 */
@IntegrationTest
class ReplayVisibilityTests extends AbstractIntegrationTest {

    private static final int MORE_THAN_MEMORY = 55;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RestPosts restPosts;

    Staff editor;
    Staff author;
    Staff contributor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
        author = accounts.create(Role.AUTHOR);
        contributor = accounts.create(Role.CONTRIBUTOR);
    }

    @Test
    void resumingFromMemoryAfterAnUnpublishAndADeleteReplaysNoWithdrawnContent() throws Exception {
        double before = resumes("memory");

        Story story = tellStory(0);

        assertEveryoneGetsOnlyWhatTheyMaySeeNow(story);
        assertThat(resumes("memory") - before).isEqualTo(4);
    }

    @Test
    void resumingFromKafkaAfterAnUnpublishAndADeleteReplaysNoWithdrawnContent() throws Exception {
        double before = resumes("kafka");

        Story story = tellStory(MORE_THAN_MEMORY);

        assertEveryoneGetsOnlyWhatTheyMaySeeNow(story);
        assertThat(resumes("kafka") - before).isEqualTo(4);
    }

    @Test
    void aContributorWatchingLiveGetsTheUnpublishOfAnotherAuthorsPostAsABareRemoval() throws Exception {
        TestSocket watching = sockets.joined(contributor.token());
        String secret = "Withdrawn live " + UUID.randomUUID();
        JsonNode post = restPosts.create(author.token(), "Public first " + UUID.randomUUID());
        String id = post.get("id").asString();
        JsonNode published = restPosts.publish(author.token(), id, post.get("version").asLong());
        JsonNode edited = restPosts.update(author.token(), id, published.get("version").asLong(), secret);
        restPosts.unpublish(author.token(), id, edited.get("version").asLong());

        Awaitility.await().until(() -> types(watching, id).contains("blog-unpublished"));
        List<JsonNode> frames = watching.events().stream().filter(f -> id.equals(postId(f))).toList();
        JsonNode removal = frames.get(frames.size() - 1);
        assertThat(removal.get("event").get("post").isNull()).isTrue();
        assertThat(types(watching, id)).containsExactly("blog-published", "blog-updated", "blog-unpublished");
        watching.close();
    }

    private void assertEveryoneGetsOnlyWhatTheyMaySeeNow(Story story) {
        for (Staff viewer : new Staff[] {null, contributor}) {
            TestSocket resumed = resume(viewer, story.since());
            assertThat(resumed.raw()).noneMatch(frame -> frame.contains(story.withdrawnTitle())
                    || frame.contains(story.deletedTitle()));
            assertOnlyRemovals(resumed, story.withdrawnId(), "blog-unpublished");
            assertOnlyRemovals(resumed, story.deletedId(), "blog-deleted");
            assertThat(resumed.raw()).anyMatch(frame -> frame.contains(story.publicTitle()));
            resumed.close();
        }
        for (Staff seesOwnDrafts : new Staff[] {author, editor}) {
            TestSocket resumed = resume(seesOwnDrafts, story.since());
            assertThat(resumed.raw()).noneMatch(frame -> frame.contains(story.deletedTitle()));
            assertThat(types(resumed, story.deletedId())).containsExactly("blog-deleted");
            assertThat(resumed.raw()).anyMatch(frame -> frame.contains(story.withdrawnTitle()));
            assertThat(types(resumed, story.withdrawnId())).contains("blog-published", "blog-unpublished");
            resumed.close();
        }
    }

    private static void assertOnlyRemovals(TestSocket socket, String postId, String type) {
        List<JsonNode> frames = socket.events().stream().filter(f -> postId.equals(postId(f))).toList();
        assertThat(frames).isNotEmpty().allSatisfy(frame -> {
            assertThat(frame.get("event").get("type").asString()).isEqualTo(type);
            assertThat(frame.get("event").get("post").isNull()).isTrue();
        });
    }

    /** The position before, then: three posts published, fillers, one post unpublished and one deleted. */
    private Story tellStory(int fillers) throws Exception {
        long since = sockets.position(editor.token());
        String tag = UUID.randomUUID().toString();
        JsonNode withdrawn = published("Withdrawn for legal reasons " + tag);
        JsonNode deleted = published("Deleted later " + tag);
        published("Still public " + tag);
        for (int i = 0; i < fillers; i++) {
            restPosts.create(editor.token(), "Filler " + i);
        }
        JsonNode unpublished = restPosts.unpublish(author.token(), withdrawn.get("id").asString(),
                withdrawn.get("version").asLong());
        restPosts.delete(author.token(), deleted.get("id").asString(), deleted.get("version").asLong());
        long end = since + 8 + fillers;
        Awaitility.await().until(() -> sockets.position(editor.token()) >= end);
        assertThat(unpublished.get("status").asString()).isEqualTo("DRAFT");
        return new Story(since, withdrawn.get("id").asString(), "Withdrawn for legal reasons " + tag,
                deleted.get("id").asString(), "Deleted later " + tag, "Still public " + tag);
    }

    private record Story(long since, String withdrawnId, String withdrawnTitle, String deletedId,
            String deletedTitle, String publicTitle) {
    }

    private JsonNode published(String title) throws Exception {
        JsonNode draft = restPosts.create(author.token(), title);
        return restPosts.publish(author.token(), draft.get("id").asString(), draft.get("version").asLong());
    }

    private TestSocket resume(Staff viewer, long since) {
        TestSocket socket = sockets.joined(viewer == null ? null : viewer.token(), since);
        assertThat(socket.last("resync")).isNull();
        return socket;
    }

    private double resumes(String outcome) {
        return meters.get("blog.realtime.resumes").tag("outcome", outcome).counter().count();
    }

    private static List<String> types(TestSocket socket, String postId) {
        return socket.events().stream().filter(f -> postId.equals(postId(f)))
                .map(f -> f.get("event").get("type").asString()).toList();
    }

    private static String postId(JsonNode frame) {
        return frame.get("event").get("postId").asString();
    }
}
