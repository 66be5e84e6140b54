package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.media.TestImages;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** Posts use images of the media library: a cover, Markdown images, usage, and the public pages and feeds. */
@IntegrationTest
class PostImageTests extends AbstractIntegrationTest {

    String editor;

    @BeforeEach
    void setUp() {
        editor = accounts.tokenFor(Role.EDITOR);
    }

    @Test
    void aCoverIsPartOfThePostItsEventAndItsRevisionsAndARestoreBringsItBack() throws Exception {
        JsonNode image = upload(1200, 600);
        String mediaId = image.get("id").asString();
        Answer created = api.create(editor, post("With a cover", "", Map.of("mediaId", mediaId, "alt", "Harbour")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("featureImage").get("mediaId").asString()).isEqualTo(mediaId);
        assertThat(created.body().get("featureImage").get("alt").asString()).isEqualTo("Harbour");
        assertThat(jdbc.queryForObject("SELECT payload FROM outbox_events WHERE post_id = ?", String.class,
                created.id())).contains("\"featureImage\":{\"mediaId\":\"" + mediaId + "\",\"alt\":\"Harbour\"}");

        Map<String, Object> untouched = post("Retitled, cover kept", "", null);
        untouched.remove("featureImage");
        Answer kept = api.update(editor, created.id(), created.version(), untouched);
        assertThat(kept.body().get("featureImage").get("mediaId").asString()).isEqualTo(mediaId);
        Map<String, Object> noCover = post("With a cover", "", removal());
        Answer removed = api.update(editor, created.id(), kept.version(), noCover);
        assertThat(removed.body().get("featureImage").isNull()).isTrue();
        JsonNode revisions = api.revisions(editor, created.id()).body();
        assertThat(revisions.toString()).contains("featureImage");
        String first = revisions.get(revisions.size() - 1).get("id").asString();
        Answer restored = api.restore(editor, created.id(), first, removed.version());
        assertThat(restored.body().get("featureImage").get("mediaId").asString()).isEqualTo(mediaId);
    }

    @Test
    void aCoverMustBeAnImageOfTheLibraryAndNothingIsCreatedOtherwise() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM posts", Long.class);
        Answer refused = api.create(editor, post("Bad cover", "", Map.of("mediaId",
                "00000000-0000-4000-8000-000000000000", "alt", "x")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("featureImage.mediaId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM posts", Long.class)).isEqualTo(before);
    }

    @Test
    void anImageUsedByAnyPostCannotBeDeletedUntilNoPostUsesIt() throws Exception {
        JsonNode cover = upload(800, 400);
        JsonNode inline = upload(700, 300);
        String body = "Look: ![A view](" + inline.get("variants").get(0).get("url").asString() + ")";
        Answer draft = api.create(editor, post("Uses two images", body, Map.of("mediaId",
                cover.get("id").asString(), "alt", "")));

        for (JsonNode image : List.of(cover, inline)) {
            JsonNode fetched = getMedia(image.get("id").asString());
            assertThat(fetched.get("usedBy").get(0).get("id").asString()).isEqualTo(draft.id());
            assertThat(fetched.get("usedBy").get(0).get("title").asString()).isEqualTo("Uses two images");
            assertThat(mvc.perform(delete("/api/media/" + image.get("id").asString())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor)).andReturn().getResponse().getStatus())
                    .isEqualTo(409);
        }

        api.update(editor, draft.id(), draft.version(), post("Uses no image", "No image now", removal()));
        assertThat(getMedia(cover.get("id").asString()).get("usedBy").size()).isZero();
        assertThat(getMedia(inline.get("id").asString()).get("usedBy").size()).isZero();
        assertThat(mvc.perform(delete("/api/media/" + cover.get("id").asString())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editor)).andReturn().getResponse().getStatus())
                .isEqualTo(204);
    }

    @Test
    void markdownImagesOfTheLibraryGetTheirSizeSrcsetSizesAndLazyLoadingAndNothingElse() throws Exception {
        JsonNode image = upload(1100, 550);
        String url = image.get("variants").get(1).get("url").asString(); // 640 wide
        Answer created = api.create(editor, post("Inline", "![Two colours](" + url + ")\n\n"
                + "<img src=\"" + url + "\" alt=\"raw\" width=\"9999\" srcset=\"https://evil.example/x.png 1w\" onerror=\"x()\">\n\n"
                + "![Elsewhere](https://example.com/a.png)", null));

        Document html = Jsoup.parseBodyFragment(created.body().get("bodyHtml").asString());
        List<Element> images = html.select("img");
        assertThat(images).hasSize(3);
        for (Element ours : images.subList(0, 2)) {
            assertThat(ours.attributes().asList()).extracting(Attribute::getKey).containsExactlyInAnyOrder(
                    "src", "alt", "width", "height", "srcset", "sizes", "loading");
            assertThat(ours.attr("width")).isEqualTo("1100");
            assertThat(ours.attr("height")).isEqualTo("550");
            assertThat(ours.attr("loading")).isEqualTo("lazy");
            assertThat(ours.attr("srcset")).isEqualTo(image.get("variants").get(2).get("url").asString() + " 320w, "
                    + url + " 640w, " + image.get("variants").get(0).get("url").asString() + " 1024w, "
                    + image.get("url").asString() + " 1100w");
            assertThat(ours.attr("sizes")).isNotBlank();
        }
        assertThat(images.get(2).attributes().asList()).extracting(Attribute::getKey)
                .containsExactlyInAnyOrder("src", "alt");
    }

    @Test
    void thePublicPostListFeedAndSitemapShowTheCover() throws Exception {
        JsonNode image = upload(2000, 1000);
        String slug = "covered-" + System.nanoTime();
        Map<String, Object> content = post("Covered", "Text", Map.of("mediaId", image.get("id").asString(),
                "alt", "A red and blue flag"));
        content.put("slug", slug);
        Answer created = api.create(editor, content);
        api.publish(editor, created.id(), created.version());

        Document page = Jsoup.parse(mvc.perform(get("/posts/" + slug)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String variant1024 = image.get("variants").get(1).get("url").asString();
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith(variant1024)
                .startsWith("http");
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1024");
        assertThat(page.select("meta[property=og:image:height]").attr("content")).isEqualTo("512");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        Element cover = page.selectFirst("article header img.post-cover");
        assertThat(cover).isNotNull();
        assertThat(cover.attr("srcset")).contains(" 320w", " 640w", " 1024w", " 1600w", " 2000w");
        assertThat(cover.attr("width")).isEqualTo("2000");
        assertThat(cover.attr("height")).isEqualTo("1000");
        assertThat(cover.attr("alt")).isEqualTo("A red and blue flag");

        Document home = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(home.select("img.post-card-cover").eachAttr("src")).contains(variant1024);

        String feed = mvc.perform(get("/feed.xml")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(feed).contains("xmlns:media=\"http://search.yahoo.com/mrss/\"")
                .containsPattern("<media:content url=\"http[^\"]+" + variant1024 + "\" medium=\"image\" "
                        + "type=\"image/png\" width=\"1024\" height=\"512\"");
        String sitemap = mvc.perform(get("/sitemap.xml")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(sitemap).containsPattern("<image:image><image:loc>http[^<]+" + image.get("url").asString()
                + "</image:loc></image:image>");

        Document plain = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(plain.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(plain.select("meta[property=og:image]")).isEmpty();
    }

    /** {"mediaId": null}: removes the cover. */
    private static Map<String, Object> removal() {
        Map<String, Object> removal = new HashMap<>();
        removal.put("mediaId", null);
        return removal;
    }

    private static Map<String, Object> post(String title, String body, Map<String, Object> featureImage) {
        Map<String, Object> post = new HashMap<>();
        post.put("title", title);
        post.put("body", body);
        post.put("tags", List.of());
        post.put("featureImage", featureImage);
        return post;
    }

    private JsonNode upload(int width, int height) throws Exception {
        String body = mvc.perform(multipart("/api/media").file(new MockMultipartFile("file", "a.png", "image/png",
                TestImages.png(width, height))).header(HttpHeaders.AUTHORIZATION, "Bearer " + editor))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private JsonNode getMedia(String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/media/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + editor))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

}
