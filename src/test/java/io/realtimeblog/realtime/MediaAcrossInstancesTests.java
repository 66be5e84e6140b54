package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.kafka.KafkaEndpoint;
import io.realtimeblog.media.TestImages;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Images across two app instances on one database and one broker (see {@link SecondInstance}): an image uploaded
 * through the first is served by the second byte for byte, and the library's events reach staff sockets on the
 * other instance (never a reader's), whichever instance took the write.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one second instance for both tests: it takes a while to start
class MediaAcrossInstancesTests extends AbstractIntegrationTest {

    @Autowired
    RestPosts posts;

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();
    final List<TestSocket> opened = new ArrayList<>();
    SecondInstance second;

    @BeforeAll
    void startSecondInstance() {
        second = SecondInstance.beside(environment, kafka);
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(TestSocket::close);
        opened.clear();
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void anImageUploadedOnOneInstanceIsServedByTheOtherWithTheSameBytesTypeAndETag() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        JsonNode media = upload(author, "photo.jpg", TestImages.jpeg(700, 400));

        List<String> urls = new ArrayList<>();
        urls.add(media.get("url").asString());
        media.get("variants").forEach(variant -> urls.add(variant.get("url").asString()));
        assertThat(urls).hasSize(3); // 700 itself, 320 and 640
        for (String url : urls) {
            HttpResponse<byte[]> onFirst = get(port, url);
            HttpResponse<byte[]> onSecond = get(second.port(), url);
            assertThat(onSecond.statusCode()).as(url).isEqualTo(200);
            assertThat(onSecond.headers().firstValue(HttpHeaders.CONTENT_TYPE)).as(url).contains("image/jpeg");
            assertThat(onSecond.headers().firstValue(HttpHeaders.ETAG)).as(url).isPresent()
                    .isEqualTo(onFirst.headers().firstValue(HttpHeaders.ETAG));
            assertThat(onSecond.body()).as(url).isEqualTo(onFirst.body());
        }
        HttpResponse<byte[]> original = get(second.port(), media.get("url").asString());
        assertThat(ImageIO.read(new ByteArrayInputStream(original.body())).getWidth()).isEqualTo(700);
    }

    @Test
    void anUploadOnOneInstanceAndAnAltChangeOnTheOtherReachStaffSocketsAcrossAndNoReader() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        TestSocket staffOnFirst = join(port, contributor.token());
        TestSocket staffOnSecond = join(second.port(), contributor.token());
        TestSocket readerOnSecond = join(second.port(), null);

        String id = upload(editor, "drawing.png", TestImages.png(400, 200)).get("id").asString();

        JsonNode created = Awaitility.await().until(() -> mediaEvent(staffOnSecond, id, "media-created"),
                Optional::isPresent).get();
        assertThat(created.get("media").get("url").asString()).isEqualTo("/media/" + id + "/400.png");
        assertThat(created.get("actor").get("id").asString()).isEqualTo(editor.id().toString());

        HttpResponse<String> patched = http.send(HttpRequest.newBuilder(uri(second.port(), "/api/media/" + id))
                .header(HttpHeaders.AUTHORIZATION, editor.bearer()).header(HttpHeaders.CONTENT_TYPE, "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"alt\":\"Changed on the second\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        JsonNode updated = Awaitility.await().until(() -> mediaEvent(staffOnFirst, id, "media-updated"),
                Optional::isPresent).get();
        assertThat(updated.get("media").get("alt").asString()).isEqualTo("Changed on the second");
        assertThat(updated.get("version").asLong()).isEqualTo(created.get("version").asLong() + 1);

        // A post published afterwards reaches the reader on the second instance; by then any media frame would have.
        JsonNode post = posts.create(editor.token(), "Published after the image events");
        String postId = post.get("id").asString();
        posts.publish(editor.token(), postId, post.get("version").asLong());
        Awaitility.await().until(() -> readerOnSecond.events().stream()
                .anyMatch(f -> postId.equals(f.get("event").get("postId").asString())));
        assertThat(readerOnSecond.raw()).noneMatch(frame -> frame.contains("\"type\":\"media-") || frame.contains(id));
    }

    private JsonNode upload(Staff staff, String fileName, byte[] image) throws Exception {
        MvcResult result = mvc.perform(multipart("/api/media")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", image))
                .header(HttpHeaders.AUTHORIZATION, staff.bearer())).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
        return json.readTree(body);
    }

    private TestSocket join(int instancePort, String token) {
        TestSocket socket = TestSocket.open(instancePort, json);
        opened.add(socket);
        socket.join(token, null);
        return socket;
    }

    private HttpResponse<byte[]> get(int instancePort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instancePort, path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(int instancePort, String path) {
        return URI.create("http://127.0.0.1:" + instancePort + path);
    }

    private static Optional<JsonNode> mediaEvent(TestSocket socket, String id, String type) {
        return socket.events().stream().map(f -> f.get("event"))
                .filter(e -> e.has("mediaId") && id.equals(e.get("mediaId").asString()))
                .filter(e -> type.equals(e.get("type").asString())).findFirst();
    }
}
