package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.realtime.presence.PresenceSweeper;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** "Ana is editing": presence frames between staff sockets, leases that end, the snapshot, who may see what. */
@IntegrationTest
class PresenceTests extends AbstractIntegrationTest {

    @Autowired
    RestPosts posts;

    @Autowired
    PresenceSweeper sweeper;

    @Autowired
    RealtimeSessions sessions;

    Staff ana;
    Staff bob;
    String postId;
    final List<TestSocket> opened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ana = accounts.create(Role.EDITOR, TestAccounts.uniqueEmail("ana"), "Ana");
        bob = accounts.create(Role.EDITOR);
        postId = posts.create(ana.token(), "Presence " + UUID.randomUUID()).get("id").asString();
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(TestSocket::close);
    }

    @Test
    void staffSeeWhoStartsAndStopsEditingAPost() {
        TestSocket bobs = staff(bob);
        TestSocket anas = staff(ana);

        anas.send(presence(postId, true));
        JsonNode started = awaitPresence(bobs, postId, true);
        assertThat(started.get("user").get("id").asString()).isEqualTo(ana.id().toString());
        assertThat(started.get("user").get("name").asString()).isEqualTo("Ana");
        assertThat(Instant.parse(started.get("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(20), Instant.now().plusSeconds(31));

        anas.send(presence(postId, false));
        JsonNode stopped = awaitPresence(bobs, postId, false);
        assertThat(stopped.get("user").get("id").asString()).isEqualTo(ana.id().toString());
        assertThat(stopped.has("expiresAt")).isFalse();
    }

    @Test
    void closingTheTabEndsItsLeases() {
        TestSocket bobs = staff(bob);
        TestSocket anas = staff(ana);
        anas.send(presence(postId, true));
        awaitPresence(bobs, postId, true);

        anas.close();

        awaitPresence(bobs, postId, false);
    }

    @Test
    void aLeaseThatIsNotRenewedExpiresAndIsAnnouncedOnce() {
        TestSocket bobs = staff(bob);
        TestSocket anas = staff(ana);
        anas.send(presence(postId, true));
        Instant expiresAt = Instant.parse(awaitPresence(bobs, postId, true).get("expiresAt").asString());

        sweeper.sweep(expiresAt.minusSeconds(1));
        sweeper.sweep(expiresAt.plusSeconds(1));
        sweeper.sweep(expiresAt.plusSeconds(1));

        JsonNode stopped = awaitPresence(bobs, postId, false);
        assertThat(stopped.get("user").get("name").asString()).isEqualTo("Ana");
        // Notices arrive in one order: once Bob hears of his own, a second stop for Ana would be in.
        bobs.send(presence(postId, true));
        Awaitility.await().until(() -> !presenceFrames(bobs, postId, bob).isEmpty());
        assertThat(presenceFrames(bobs, postId, ana)).extracting(f -> f.get("editing").asBoolean())
                .as("one start, one stop").containsExactly(true, false);
    }

    @Test
    void twoTabsOfOneUserShowAsOneEditorUntilBothEnd() {
        TestSocket bobs = staff(bob);
        TestSocket firstTab = staff(ana);
        TestSocket secondTab = staff(ana);
        firstTab.send(presence(postId, true));
        awaitPresence(bobs, postId, true);
        secondTab.send(presence(postId, true));
        Awaitility.await().until(() -> presenceFrames(bobs, postId).size() == 2);

        int joined = sessions.joined(true);
        firstTab.close();
        // The server removes a session after ending its leases.
        Awaitility.await().until(() -> sessions.joined(true) < joined && leases(postId, ana) == 1);
        // Notices arrive in one order: once Bob hears of his own, one about Ana's first tab would be in.
        bobs.send(presence(postId, true));
        Awaitility.await().until(() -> !presenceFrames(bobs, postId, bob).isEmpty());
        assertThat(presenceFrames(bobs, postId)).allMatch(f -> f.get("editing").asBoolean());
        List<JsonNode> entries = entriesFor(staff(bob).await("presence-snapshot"), postId);
        assertThat(entries).extracting(e -> e.get("user").get("id").asString())
                .as("one entry for Ana's two tabs").containsExactlyInAnyOrder(ana.id().toString(), bob.id().toString());

        secondTab.close();
        JsonNode stopped = awaitPresence(bobs, postId, false);
        assertThat(stopped.get("user").get("id").asString()).isEqualTo(ana.id().toString());
    }

    @Test
    void aStaffClientGetsWhoIsEditingRightAfterReady() {
        TestSocket anas = staff(ana);
        anas.send(presence(postId, true));
        awaitPresence(anas, postId, true);

        TestSocket bobs = sockets.joined(bob.token());
        opened.add(bobs);
        JsonNode snapshot = bobs.await("presence-snapshot");

        List<String> types = bobs.frames().stream().map(f -> f.get("type").asString()).toList();
        assertThat(types.indexOf("presence-snapshot")).isEqualTo(types.indexOf("ready") + 1);
        List<JsonNode> entries = entriesFor(snapshot, postId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("user").get("name").asString()).isEqualTo("Ana");
        assertThat(entries.get(0).get("expiresAt").asString()).isNotBlank();
    }

    @Test
    void aContributorNeverLearnsWhoEditsAnotherUsersDraft() throws Exception {
        JsonNode published = posts.create(ana.token(), "Published " + UUID.randomUUID());
        String publishedId = published.get("id").asString();
        posts.publish(ana.token(), publishedId, published.get("version").asLong());
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        String ownDraft = posts.create(contributor.token(), "Own draft " + UUID.randomUUID()).get("id").asString();
        TestSocket anas = staff(ana);
        anas.send(presence(postId, true));
        awaitPresence(anas, postId, true);

        TestSocket contributors = staff(contributor);
        JsonNode snapshot = contributors.await("presence-snapshot");
        anas.send(presence(postId, true)).send(presence(ownDraft, true)).send(presence(publishedId, true));
        awaitPresence(contributors, ownDraft, true);
        awaitPresence(contributors, publishedId, true);
        anas.close();
        awaitPresence(contributors, publishedId, false);

        assertThat(entriesFor(snapshot, postId)).isEmpty();
        assertThat(contributors.raw()).noneMatch(frame -> frame.contains(postId));
    }

    @Test
    void aContributorCannotClaimToEditAnotherUsersDraft() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        TestSocket contributors = staff(contributor);
        TestSocket bobs = staff(bob);

        contributors.send(presence(postId, true));

        assertThat(contributors.await("error").get("code").asString()).isEqualTo("bad-frame");
        bobs.send("{\"type\":\"ping\"}").await("pong");
        assertThat(presenceFrames(bobs, postId)).isEmpty();
    }

    @Test
    void aPublicSocketSendingPresenceGetsNotStaff() {
        TestSocket reader = sockets.joined(null);
        opened.add(reader);

        reader.send(presence(postId, true));

        assertThat(reader.await("error").get("code").asString()).isEqualTo("not-staff");
        assertThat(reader.frames()).noneMatch(f -> "presence-snapshot".equals(f.get("type").asString()));
        assertThat(reader.isClosed()).isFalse();
    }

    @Test
    void badPresenceFramesGetBadFrameAndTheSocketStaysOpen() {
        TestSocket anas = staff(ana);
        List<String> bad = List.of(
                "{\"type\":\"presence\",\"editing\":true}",
                "{\"type\":\"presence\",\"postId\":\"not-a-uuid\",\"editing\":true}",
                "{\"type\":\"presence\",\"postId\":42,\"editing\":true}",
                "{\"type\":\"presence\",\"postId\":\"" + postId + "\",\"editing\":\"yes\"}",
                "{\"type\":\"presence\",\"postId\":\"" + postId + "\"}",
                presence(UUID.randomUUID().toString(), true));
        for (String frame : bad) {
            anas.send(frame);
        }

        Awaitility.await().until(() -> anas.frames().stream()
                .filter(f -> "error".equals(f.get("type").asString())).count() == bad.size());
        assertThat(anas.frames()).filteredOn(f -> "error".equals(f.get("type").asString()))
                .allMatch(f -> "bad-frame".equals(f.get("code").asString()));
        assertThat(anas.send("{\"type\":\"ping\"}").await("pong")).isNotNull();
        assertThat(presenceFrames(anas, postId)).isEmpty();
    }

    private int leases(String post, Staff who) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM presence_leases WHERE post_id = ? AND user_id = ?",
                Integer.class, post, who.id().toString());
    }

    private TestSocket staff(Staff who) {
        TestSocket socket = sockets.joined(who.token());
        opened.add(socket);
        return socket;
    }

    static String presence(String postId, boolean editing) {
        return "{\"type\":\"presence\",\"postId\":\"" + postId + "\",\"editing\":" + editing + "}";
    }

    static List<JsonNode> presenceFrames(TestSocket socket, String postId) {
        return socket.frames().stream().filter(f -> "presence".equals(f.get("type").asString())
                && postId.equals(f.get("postId").asString())).toList();
    }

    static List<JsonNode> presenceFrames(TestSocket socket, String postId, Staff user) {
        return presenceFrames(socket, postId).stream()
                .filter(f -> user.id().toString().equals(f.get("user").get("id").asString())).toList();
    }

    /** Waits for the socket's latest presence frame about the post to say {@code editing}; returns it. */
    static JsonNode awaitPresence(TestSocket socket, String postId, boolean editing) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<JsonNode> frames = presenceFrames(socket, postId);
            return !frames.isEmpty() && frames.get(frames.size() - 1).get("editing").asBoolean() == editing;
        });
        List<JsonNode> frames = presenceFrames(socket, postId);
        return frames.get(frames.size() - 1);
    }

    static List<JsonNode> entriesFor(JsonNode snapshot, String postId) {
        List<JsonNode> entries = new ArrayList<>();
        snapshot.get("entries").forEach(entry -> {
            if (postId.equals(entry.get("postId").asString())) {
                entries.add(entry);
            }
        });
        return entries;
    }
}
