package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.media.TestImages;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The media API over a store other than the database: an upload through REST lands in the store (looked at directly:
 * the bucket, the directory), is served from it, a refused upload leaves nothing there, and a delete empties it.
 * Each store's subclass boots the application once with its {@code blog.media.storage}.
 */
abstract class StoredMediaApiScenario {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    Staff editor;

    /** Every key in the store, looked at without the application. */
    abstract List<String> storedKeys();

    /** The bytes under a key, looked at without the application. */
    abstract byte[] storedBytes(String key);

    @BeforeEach
    void signIn() {
        editor = new TestAccounts(mvc, json).create(Role.EDITOR);
    }

    @Test
    void anUploadLandsInTheStoreAndIsServedFromIt() throws Exception {
        List<String> before = storedKeys();

        JsonNode media = body(upload("photo.png", TestImages.png(700, 40), 201));

        String id = media.get("id").asString();
        assertThat(storedKeys()).containsAll(before)
                .containsAll(List.of(id + "/700.png", id + "/640.png", id + "/320.png"))
                .hasSize(before.size() + 3);
        for (String url : List.of(media.get("url").asString(),
                media.get("variants").get(0).get("url").asString())) {
            MvcResult served = mvc.perform(get(url)).andReturn();
            assertThat(served.getResponse().getStatus()).isEqualTo(200);
            assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
            assertThat(served.getResponse().getContentAsByteArray())
                    .isEqualTo(storedBytes(url.substring("/media/".length())));
        }
    }

    @Test
    void aRefusedUploadLeavesNothingInTheStore() throws Exception {
        List<String> before = storedKeys();
        long rows = mediaRows();

        upload("evil.svg", TestImages.SVG_WITH_SCRIPT, 415);
        upload("page.png", TestImages.HTML, 415);
        upload("empty.png", new byte[0], 400);
        upload("bomb.png", TestImages.pngBomb(50_000, 50_000), 422);

        assertThat(storedKeys()).isEqualTo(before);
        assertThat(mediaRows()).isEqualTo(rows);
    }

    @Test
    void aDeleteRemovesEveryRenditionFromTheStore() throws Exception {
        List<String> before = storedKeys();
        JsonNode media = body(upload("photo.jpg", TestImages.jpeg(700, 40), 201));
        String id = media.get("id").asString();

        MvcResult deleted = mvc.perform(delete("/api/media/" + id)
                .header(HttpHeaders.AUTHORIZATION, editor.bearer())).andReturn();

        assertThat(deleted.getResponse().getStatus()).isEqualTo(204);
        assertThat(storedKeys()).isEqualTo(before);
        assertThat(mvc.perform(get(media.get("url").asString())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    MvcResult upload(String name, byte[] bytes, int expectedStatus) throws Exception {
        MvcResult result = mvc.perform(multipart("/api/media")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .header(HttpHeaders.AUTHORIZATION, editor.bearer())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
                .isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        }
        return result;
    }

    long mediaRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM media", Long.class);
    }

    JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
