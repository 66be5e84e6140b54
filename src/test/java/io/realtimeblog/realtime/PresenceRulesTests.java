package io.realtimeblog.realtime;

import static io.realtimeblog.realtime.PresenceTests.awaitPresence;
import static io.realtimeblog.realtime.PresenceTests.presence;
import static io.realtimeblog.realtime.PresenceTests.presenceFrames;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.kafka.KafkaEndpoint;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Presence means "may edit": who may not edit a post cannot say they are editing it; a socket cannot flood the
 * others (or the database and Kafka) with presence frames; renewals that change nothing are not written.
 */
@IntegrationTest
class PresenceRulesTests extends AbstractIntegrationTest {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    RestPosts posts;

    Staff editor;
    final List<TestSocket> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(TestSocket::close);
    }

    @Test
    void anAuthorCannotSayTheyAreEditingSomeoneElsesPublishedPost() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        String published = publishedPostOf(editor);
        String own = posts.create(author.token(), "Own " + UUID.randomUUID()).get("id").asString();
        TestSocket editors = staff(editor);
        TestSocket authors = staff(author);

        authors.send(presence(published, true));

        JsonNode error = authors.await("error");
        assertThat(error.get("code").asString()).isEqualTo("not-allowed");
        assertThat(leases(published)).isZero();
        // Presence notices reach staff in one order: once the author's own post is announced, a notice about the
        // published post would have arrived before it.
        authors.send(presence(own, true));
        awaitPresence(editors, own, true);
        assertThat(presenceFrames(editors, published)).isEmpty();
        assertThat(authors.isClosed()).isFalse();
    }

    @Test
    void aContributorCannotSayTheyAreEditingTheirOwnPostOnceItIsPublished() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        JsonNode draft = posts.create(contributor.token(), "Contributed " + UUID.randomUUID());
        String id = draft.get("id").asString();
        posts.publish(editor.token(), id, draft.get("version").asLong());
        TestSocket contributors = staff(contributor);

        contributors.send(presence(id, true));

        assertThat(contributors.await("error").get("code").asString()).isEqualTo("not-allowed");
        assertThat(leases(id)).isZero();
        assertThat(presenceRecords(id)).isZero();
    }

    @Test
    void aFloodOfPresenceFramesIsRefusedThenClosedWith1008AndBarelyReachesAnyone() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        String draft = posts.create(contributor.token(), "Flood " + UUID.randomUUID()).get("id").asString();
        TestSocket editors = staff(editor);
        TestSocket flooder = staff(contributor);

        for (int i = 0; i < 11; i++) {
            flooder.send(presence(draft, i % 2 == 0));
        }
        assertThat(flooder.await("error").get("code").asString()).isEqualTo("rate-limited");
        try {
            for (int i = 11; i < 300 && !flooder.isClosed(); i++) {
                flooder.send(presence(draft, i % 2 == 0));
            }
        } catch (RuntimeException closedWhileSending) {
            // The server closed the socket under the loop: the rest of the flood never left.
        }

        assertThat(flooder.awaitClose()).isEqualTo(1008);
        // The burst (10 frames) got through, 5 starts and 5 ends; nothing after it.
        Awaitility.await().until(() -> presenceFrames(editors, draft).size() >= 10);
        editors.send("{\"type\":\"ping\"}").await("pong");
        assertThat(presenceFrames(editors, draft)).hasSizeLessThanOrEqualTo(10);
        assertThat(presenceRecords(draft)).isLessThanOrEqualTo(10);
        assertThat(leases(draft)).isZero();
    }

    @Test
    void renewalsThatChangeNothingAreNotWrittenOrAnnouncedAgain() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        String own = posts.create(author.token(), "Renewed " + UUID.randomUUID()).get("id").asString();
        TestSocket editors = staff(editor);
        TestSocket authors = staff(author);
        authors.send(presence(own, true));
        JsonNode first = awaitPresence(editors, own, true);

        for (int i = 0; i < 5; i++) {
            authors.send(presence(own, true));
        }
        authors.send(presence(own, false));

        awaitPresence(editors, own, false);
        assertThat(presenceFrames(editors, own)).hasSize(2);
        assertThat(presenceFrames(editors, own).get(0).get("expiresAt")).isEqualTo(first.get("expiresAt"));
        assertThat(presenceRecords(own)).isEqualTo(2);
        assertThat(authors.frames()).noneMatch(f -> "error".equals(f.get("type").asString()));
    }

    private String publishedPostOf(Staff who) throws Exception {
        JsonNode draft = posts.create(who.token(), "Published " + UUID.randomUUID());
        posts.publish(who.token(), draft.get("id").asString(), draft.get("version").asLong());
        return draft.get("id").asString();
    }

    private int leases(String postId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM presence_leases WHERE post_id = ?", Integer.class, postId);
    }

    /** Records about the post on the presence topic: one per lease written or ended. */
    private long presenceRecords(String postId) {
        return TopicReader.readAll(kafka.clientConfig(), "blog-presence").stream()
                .filter(record -> postId.equals(record.key())).count();
    }

    private TestSocket staff(Staff who) {
        TestSocket socket = sockets.joined(who.token());
        opened.add(socket);
        return socket;
    }
}
