package io.realtimeblog.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** The media API end to end, on H2, MariaDB and PostgreSQL: upload, serve, list, alt text, delete, bad input. */
@IntegrationTest
class MediaApiTests extends AbstractIntegrationTest {

    Staff editor;
    Staff contributor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
        contributor = accounts.create(Role.CONTRIBUTOR);
    }

    @Test
    void anUploadAnswers201WithTheImageItsVariantsAndWhoUploadedIt() throws Exception {
        MvcResult result = upload(contributor, "photo.png", TestImages.png(1100, 550), "A red and blue square");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode media = body(result);
        String id = media.get("id").asString();
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/media/" + id);
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(media.get("url").asString()).isEqualTo("/media/" + id + "/1100.png");
        assertThat(media.get("contentType").asString()).isEqualTo("image/png");
        assertThat(media.get("width").asInt()).isEqualTo(1100);
        assertThat(media.get("height").asInt()).isEqualTo(550);
        assertThat(media.get("bytes").asLong()).isPositive();
        assertThat(media.get("alt").asString()).isEqualTo("A red and blue square");
        assertThat(media.get("variants").toString()).isEqualTo("[{\"width\":1024,\"url\":\"/media/" + id
                + "/1024.png\"},{\"width\":640,\"url\":\"/media/" + id + "/640.png\"},{\"width\":320,\"url\":\"/media/"
                + id + "/320.png\"}]");
        assertThat(media.has("createdAt")).isTrue();
        assertThat(media.get("uploadedBy").get("id").asString()).isEqualTo(contributor.id().toString());
        assertThat(media.get("uploadedBy").get("name").asString()).isEqualTo(contributor.name());
        assertThat(media.get("usedBy").size()).isZero();

        MvcResult fetched = mvc.perform(get("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, editor.bearer()))
                .andReturn();
        assertThat(body(fetched)).isEqualTo(media);
    }

    @Test
    void renditionsAreServedToAnyoneWithImmutableCachingAndAStrongEtag() throws Exception {
        JsonNode media = body(upload(editor, "x.jpg", TestImages.jpeg(700, 400), null));
        String url = media.get("variants").get(0).get("url").asString();

        MvcResult served = mvc.perform(get(url)).andReturn();

        assertThat(served.getResponse().getStatus()).isEqualTo(200);
        assertThat(served.getResponse().getContentType()).isEqualTo("image/jpeg");
        assertThat(served.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("max-age=31536000, public, immutable");
        assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        String etag = served.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        byte[] bytes = served.getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(640);

        MvcResult again = mvc.perform(get(url).header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(again.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(etag);

        String id = media.get("id").asString();
        for (String missing : List.of("/media/" + id + "/500.jpg", "/media/" + id + "/640.png",
                "/media/00000000-0000-4000-8000-000000000000/640.jpg", "/media/not-an-id/640.jpg",
                "/media/" + id + "/640.jpg.html", "/media/" + id + "/0640.jpg")) {
            MvcResult notFound = mvc.perform(get(missing)).andReturn();
            assertThat(notFound.getResponse().getStatus()).as(missing).isEqualTo(404);
            assertThat(notFound.getResponse().getContentType()).as(missing).startsWith("application/problem+json");
        }
    }

    @Test
    void theLibraryListsNewestFirstAndFiltersByUploader() throws Exception {
        String first = body(upload(contributor, "a.png", TestImages.png(10, 10), "first")).get("id").asString();
        String second = body(upload(contributor, "b.png", TestImages.png(10, 10), "second")).get("id").asString();
        String other = body(upload(editor, "c.png", TestImages.png(10, 10), "other")).get("id").asString();

        JsonNode mine = body(mvc.perform(get("/api/media").param("uploadedBy", contributor.id().toString())
                .header(HttpHeaders.AUTHORIZATION, contributor.bearer())).andReturn());
        assertThat(ids(mine)).containsExactly(second, first);
        assertThat(mine.get("totalItems").asLong()).isEqualTo(2);
        assertThat(mine.get("items").get(0).has("usedBy")).isTrue();

        JsonNode all = body(mvc.perform(get("/api/media").param("size", "100")
                .header(HttpHeaders.AUTHORIZATION, contributor.bearer())).andReturn());
        assertThat(ids(all)).containsSubsequence(other, second, first);

        MvcResult anonymous = mvc.perform(get("/api/media")).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theAltTextIsChangedByTheUploaderOrAnEditorOnly() throws Exception {
        String id = body(upload(contributor, "a.png", TestImages.png(10, 10), "before")).get("id").asString();

        MvcResult changed = mvc.perform(patch("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                contributor.bearer()).contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"after\"}"))
                .andReturn();
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(changed).get("alt").asString()).isEqualTo("after");
        assertThat(body(changed).get("version").asLong()).isEqualTo(2);

        Staff stranger = accounts.create(Role.AUTHOR);
        MvcResult refused = mvc.perform(patch("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                stranger.bearer()).contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"mine\"}")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);

        MvcResult tooLong = mvc.perform(patch("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                editor.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"alt\":\"" + "x".repeat(501) + "\"}")).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
        MvcResult lineBreak = mvc.perform(patch("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                editor.bearer()).contentType(MediaType.APPLICATION_JSON).content("{\"alt\":\"one\\ntwo\"}"))
                .andReturn();
        assertThat(lineBreak.getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT alt FROM media WHERE id = ?", String.class, id)).isEqualTo("after");
        assertThat(mediaEvents(id)).containsExactly("media-created", "media-updated");
    }

    @Test
    void aDeleteRemovesTheRowsTheBytesAndEmitsAnEvent() throws Exception {
        JsonNode media = body(upload(contributor, "a.png", TestImages.png(700, 10), "gone soon"));
        String id = media.get("id").asString();
        assertThat(blobs(id)).isEqualTo(3); // 700, 640 and 320 wide

        Staff stranger = accounts.create(Role.AUTHOR);
        assertThat(mvc.perform(delete("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, stranger.bearer()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(delete("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, contributor.bearer()))
                .andReturn().getResponse().getStatus()).isEqualTo(204);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media WHERE id = ?", Long.class, id)).isZero();
        assertThat(blobs(id)).isZero();
        assertThat(mvc.perform(get(media.get("url").asString())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mediaEvents(id)).containsExactly("media-created", "media-deleted");
    }

    @Test
    void aReferencedImageIsNotDeletedUnlessAnEditorForcesIt() throws Exception {
        String id = body(upload(contributor, "a.png", TestImages.png(10, 10), "used")).get("id").asString();
        String postId = "11111111-2222-4333-8444-" + id.substring(24);
        jdbc.update("INSERT INTO media_usage (media_id, post_id, post_title) VALUES (?, ?, ?)", id, postId,
                "A post with a cover");

        MvcResult refused = mvc.perform(delete("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                contributor.bearer())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(refused).get("type").asString()).isEqualTo("/problems/media-in-use");
        assertThat(body(refused).get("usedBy").get(0).get("id").asString()).isEqualTo(postId);
        assertThat(body(refused).get("usedBy").get(0).get("title").asString()).isEqualTo("A post with a cover");
        JsonNode listed = body(mvc.perform(get("/api/media/" + id).header(HttpHeaders.AUTHORIZATION,
                contributor.bearer())).andReturn());
        assertThat(listed.get("usedBy").get(0).get("id").asString()).isEqualTo(postId);

        MvcResult notAllowed = mvc.perform(delete("/api/media/" + id).param("force", "true")
                .header(HttpHeaders.AUTHORIZATION, contributor.bearer())).andReturn();
        assertThat(notAllowed.getResponse().getStatus()).isEqualTo(403);
        assertThat(blobs(id)).isEqualTo(1);

        MvcResult forced = mvc.perform(delete("/api/media/" + id).param("force", "true")
                .header(HttpHeaders.AUTHORIZATION, editor.bearer())).andReturn();
        assertThat(forced.getResponse().getStatus()).isEqualTo(204);
        assertThat(blobs(id)).isZero();
    }

    @Test
    void aPngNamedJpgIsAcceptedAsPng() throws Exception {
        MvcResult result = upload(editor, "holiday.jpg", TestImages.png(20, 10), null, "image/jpeg");
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(result).get("contentType").asString()).isEqualTo("image/png");
        assertThat(body(result).get("url").asString()).endsWith("/20.png");
    }

    @Test
    void badUploadsAreRefusedWithAProblemAndStoreNothing() throws Exception {
        record Bad(String name, byte[] bytes, int status, String type) {
        }
        List<Bad> bad = List.of(
                new Bad("bomb.png", TestImages.pngBomb(50_000, 50_000), 422, "/problems/image-too-large"),
                new Bad("cut.jpg", TestImages.truncated(TestImages.jpeg(900, 700), 0.6), 422, "/problems/corrupt-image"),
                new Bad("evil.svg", TestImages.SVG_WITH_SCRIPT, 415, "/problems/unsupported-image-format"),
                new Bad("page.png", TestImages.HTML, 415, "/problems/unsupported-image-format"),
                new Bad("doc.pdf", TestImages.PDF, 415, "/problems/unsupported-image-format"),
                new Bad("empty.png", new byte[0], 400, "/problems/empty-file"));
        long[] before = counts();
        for (Bad upload : bad) {
            MvcResult result = upload(editor, upload.name(), upload.bytes(), "alt");
            assertThat(result.getResponse().getStatus()).as(upload.name()).isEqualTo(upload.status());
            assertThat(result.getResponse().getContentType()).as(upload.name())
                    .startsWith("application/problem+json");
            assertThat(body(result).get("type").asString()).as(upload.name()).isEqualTo(upload.type());
        }
        MvcResult noFile = mvc.perform(multipart("/api/media").part(new MockPart("alt",
                "no file".getBytes(StandardCharsets.UTF_8))).header(HttpHeaders.AUTHORIZATION, editor.bearer()))
                .andReturn();
        assertThat(noFile.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noFile).get("type").asString()).isEqualTo("/problems/missing-file");
        MvcResult longAlt = upload(editor, "a.png", TestImages.png(5, 5), "x".repeat(501));
        assertThat(longAlt.getResponse().getStatus()).isEqualTo(400);
        MvcResult nulAlt = upload(editor, "a.png", TestImages.png(5, 5), "a\u0000b");
        assertThat(nulAlt.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(nulAlt).get("errors").get(0).get("field").asString()).isEqualTo("alt");
        MvcResult anonymous = mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", "a.png",
                "image/png", TestImages.png(5, 5)))).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(401);

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void overHttpAFileOverTheLimitIs413AndOneUnderTwoMegabytesOrMoreIsAccepted() throws Exception {
        long[] before = counts();
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.png(10, 10), 0, huge, 0, 50);
        HttpResponse<String> tooLarge = post(huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(tooLarge.body()).contains("/problems/media-too-large");
        assertThat(counts()).isEqualTo(before);

        byte[] noisy = noisyPng(1000, 800);
        assertThat(noisy.length).isGreaterThan(2 * 1024 * 1024);
        HttpResponse<String> accepted = post(noisy);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    }

    private HttpResponse<String> post(byte[] file) throws Exception {
        String boundary = "----media-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/media"))
                .header("Authorization", editor.bearer())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] noisyPng(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return TestImages.encode(image, "png");
    }

    private MvcResult upload(Staff who, String name, byte[] bytes, String alt) throws Exception {
        return upload(who, name, bytes, alt, "application/octet-stream");
    }

    private MvcResult upload(Staff who, String name, byte[] bytes, String alt, String declaredType) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/media")
                .file(new MockMultipartFile("file", name, declaredType, bytes));
        if (alt != null) {
            request.part(new MockPart("alt", alt.getBytes(StandardCharsets.UTF_8)));
        }
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, who.bearer())).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private long blobs(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM media_blobs WHERE storage_key LIKE ?", Long.class, id + "/%");
    }

    private List<String> mediaEvents(String id) {
        return jdbc.queryForList("SELECT event_type FROM outbox_events WHERE post_id = ? ORDER BY created_at",
                String.class, id);
    }

    /** Rows of media, renditions, blobs and media events: none may change for a refused upload. */
    private long[] counts() {
        return new long[] {count("media"), count("media_renditions"), count("media_blobs"),
                jdbc.queryForObject("SELECT COUNT(*) FROM outbox_events WHERE event_type LIKE 'media-%'", Long.class)};
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
