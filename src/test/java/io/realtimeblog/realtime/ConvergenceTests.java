package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Guarantee 3 of the architecture: after any mix of changes, disconnects and resumes, every client's view
 * (post id to version, applying only newer versions, deletes leaving tombstones) equals what the REST API says.
 */
@IntegrationTest
class ConvergenceTests extends AbstractIntegrationTest {

    @Autowired
    RestPosts restPosts;

    /** A client as the protocol doc describes it: resumes from its last position, applies newer versions only. */
    final class Client {

        final Map<String, Long> versions = new HashMap<>();
        final Set<String> tombstones = new HashSet<>();
        final String token;
        TestSocket socket;
        long position = -1;
        int consumed;

        Client(String token) {
            this.token = token;
        }

        void connect() {
            socket = sockets.joined(token, position < 0 ? null : position);
            consumed = 0;
            drain();
        }

        void disconnect() {
            drain();
            socket.close();
        }

        void drain() {
            List<JsonNode> frames = socket.frames();
            for (; consumed < frames.size(); consumed++) {
                JsonNode frame = frames.get(consumed);
                String type = frame.get("type").asString();
                if ("event".equals(type)) {
                    apply(frame.get("event"));
                    position = Math.max(position, frame.get("position").asLong());
                } else if ("ready".equals(type)) {
                    position = Math.max(position, frame.get("position").asLong());
                }
            }
        }

        private void apply(JsonNode event) {
            String id = event.get("postId").asString();
            long version = event.get("version").asLong();
            if (version <= versions.getOrDefault(id, -1L)) {
                return;
            }
            versions.put(id, version);
            if ("blog-deleted".equals(event.get("type").asString())) {
                tombstones.add(id);
            }
        }

        Map<String, Long> view(Set<String> ids) {
            Map<String, Long> view = new HashMap<>();
            versions.forEach((id, version) -> {
                if (ids.contains(id) && !tombstones.contains(id)) {
                    view.put(id, version);
                }
            });
            return view;
        }
    }

    @Test
    void clientsConvergeOnWhatTheApiSaysAfterRandomChangesDisconnectsAndResumes() throws Exception {
        String token = accounts.tokenFor(Role.EDITOR);
        String marker = "conv" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(42);
        List<Client> clients = List.of(new Client(token), new Client(token), new Client(token));
        clients.forEach(Client::connect);
        Map<String, JsonNode> live = new HashMap<>();
        Set<String> created = new HashSet<>();

        for (int step = 0; step < 120; step++) {
            int dice = random.nextInt(10);
            if (live.isEmpty() || dice < 3) {
                JsonNode post = restPosts.create(token, marker + " post " + step);
                live.put(post.get("id").asString(), post);
                created.add(post.get("id").asString());
            } else {
                List<String> ids = new ArrayList<>(live.keySet());
                String id = ids.get(random.nextInt(ids.size()));
                JsonNode post = live.get(id);
                long version = post.get("version").asLong();
                boolean published = "PUBLISHED".equals(post.get("status").asString());
                if (dice < 6) {
                    live.put(id, restPosts.update(token, id, version, marker + " edit " + step));
                } else if (dice < 8) {
                    live.put(id, published ? restPosts.unpublish(token, id, version) : restPosts.publish(token, id, version));
                } else {
                    restPosts.delete(token, id, version);
                    live.remove(id);
                }
            }
            Client client = clients.get(random.nextInt(clients.size()));
            if (random.nextInt(8) == 0) {
                client.disconnect();
                client.connect();
            }
        }

        Map<String, Long> truth = apiView(token, marker);
        assertThat(truth).hasSize(live.size());
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (Client client : clients) {
                client.drain();
                assertThat(client.view(created)).isEqualTo(truth);
            }
        });
        clients.forEach(Client::disconnect);
    }

    private Map<String, Long> apiView(String token, String marker) throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.get("/api/posts?q={q}&size=100", marker)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getContentAsString();
        Map<String, Long> view = new HashMap<>();
        json.readTree(body).get("items").forEach(item -> view.put(item.get("id").asString(),
                item.get("version").asLong()));
        return view;
    }
}
