package io.realtimeblog.realtime;

import static io.realtimeblog.realtime.PresenceTests.awaitPresence;
import static io.realtimeblog.realtime.PresenceTests.entriesFor;
import static io.realtimeblog.realtime.PresenceTests.presence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Presence across two app instances on one database and one broker (as in {@link TwoInstancesTests}): Ana edits
 * through the second instance, Bob watches through the first.
 */
@IntegrationTest
class PresenceAcrossInstancesTests extends AcrossInstancesTest {

    @Autowired
    RestPosts posts;

    TestSocket bobs;
    TestSocket anas;

    @AfterEach
    void closeSockets() {
        if (anas != null) {
            anas.close();
        }
        if (bobs != null) {
            bobs.close();
        }
    }

    @Test
    void whoIsEditingThroughOneInstanceIsShownOnTheOtherUntilTheInstanceStops() throws Exception {
        int secondPort = second.port();
        Staff ana = accounts.create(Role.AUTHOR, TestAccounts.uniqueEmail("ana"), "Ana");
        Staff bob = accounts.create(Role.EDITOR);
        String postId = posts.create(ana.token(), "Across " + UUID.randomUUID()).get("id")
                .asString();
        bobs = sockets.joined(bob.token());
        anas = TestSocket.open(secondPort, json);
        anas.join(ana.token(), null);

        anas.send(presence(postId, true));

        JsonNode started = awaitPresence(bobs, postId, true);
        assertThat(started.get("user").get("name").asString()).isEqualTo("Ana");
        TestSocket latecomer = sockets.joined(bob.token());
        assertThat(entriesFor(latecomer.await("presence-snapshot"), postId)).hasSize(1);
        latecomer.close();

        second.close();

        awaitPresence(bobs, postId, false);
    }
}
