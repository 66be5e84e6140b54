package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.users.Role;

/**
 * Two app instances against one database and one broker: the test's own instance (with the embedded broker) and
 * a second one started beside it that uses that broker as an external cluster.
 */
@IntegrationTest
class TwoInstancesTests extends AcrossInstancesTest {

    @Autowired
    RestPosts posts;

    @Test
    void aWriteThroughOneInstanceReachesClientsOfTheOther() throws Exception {
        int secondPort = second.port();
        assertThat(secondPort).isNotEqualTo(port);
        String token = accounts.tokenFor(Role.EDITOR);
        TestSocket onSecond = TestSocket.open(secondPort, json);
        onSecond.join(token, null);
        TestSocket onFirst = sockets.joined(token);

        String id = posts.create(token, "Across instances " + UUID.randomUUID()).get("id").asString();

        Awaitility.await().until(() -> onSecond.events().stream()
                .anyMatch(f -> id.equals(f.get("event").get("postId").asString())));
        Awaitility.await().until(() -> onFirst.events().stream()
                .anyMatch(f -> id.equals(f.get("event").get("postId").asString())));
        long positionOnSecond = onSecond.events().stream()
                .filter(f -> id.equals(f.get("event").get("postId").asString())).findFirst().get()
                .get("position").asLong();
        long positionOnFirst = onFirst.events().stream()
                .filter(f -> id.equals(f.get("event").get("postId").asString())).findFirst().get()
                .get("position").asLong();
        assertThat(positionOnSecond).as("one stream, the same positions everywhere").isEqualTo(positionOnFirst);
        onSecond.close();
        onFirst.close();
    }
}
