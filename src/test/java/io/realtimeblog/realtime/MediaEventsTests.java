package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.media.TestImages;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** Media library events travel the outbox → Kafka → fan-out path to every staff socket, and never to readers. */
@IntegrationTest
class MediaEventsTests extends AbstractIntegrationTest {

    @Autowired
    RestPosts posts;

    @Test
    void uploadAltChangeAndDeleteReachEveryStaffSocketAndNoReaderSocket() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        TestSocket staff = sockets.joined(contributor.token());
        TestSocket reader = sockets.joined(null);

        String body = mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", "a.png", "image/png",
                TestImages.png(400, 200))).header(HttpHeaders.AUTHORIZATION, editor.bearer()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = json.readTree(body).get("id").asString();
        mvc.perform(patch("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"Live alt\"}"));
        mvc.perform(delete("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, editor.bearer()));

        Awaitility.await().until(() -> mediaEvents(staff, id).size() == 3);
        List<JsonNode> events = mediaEvents(staff, id);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("media-created", "media-updated", "media-deleted");
        assertThat(events).extracting(e -> e.get("version").asLong()).containsExactly(1L, 2L, 3L);
        JsonNode created = events.get(0);
        assertThat(created.get("postId").isNull()).isTrue();
        assertThat(created.get("actor").get("id").asString()).isEqualTo(editor.id().toString());
        assertThat(created.get("media").get("url").asString()).isEqualTo("/media/" + id + "/400.png");
        assertThat(created.get("media").get("variants").get(0).get("width").asInt()).isEqualTo(320);
        assertThat(events.get(1).get("media").get("alt").asString()).isEqualTo("Live alt");
        assertThat(events.get(2).has("media")).isFalse();

        // A post published afterwards reaches the reader; by then any media frame would have arrived too.
        JsonNode post = posts.create(editor.token(), "Published after the image events");
        posts.publish(editor.token(), post.get("id").asString(), post.get("version").asLong());
        String postId = post.get("id").asString();
        Awaitility.await().until(() -> reader.events().stream()
                .anyMatch(f -> postId.equals(f.get("event").get("postId").asString())));
        assertThat(reader.raw()).noneMatch(frame -> frame.contains("\"type\":\"media-") || frame.contains(id));
        staff.close();
        reader.close();
    }

    private static List<JsonNode> mediaEvents(TestSocket socket, String id) {
        return socket.events().stream().map(f -> f.get("event"))
                .filter(e -> e.has("mediaId") && id.equals(e.get("mediaId").asString())).toList();
    }
}
