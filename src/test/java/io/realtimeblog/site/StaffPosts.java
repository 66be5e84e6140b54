package io.realtimeblog.site;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff writing posts through the real API, so the public site sees exactly what the API committed. */
final class StaffPosts {

    private final MockMvc mvc;
    private final JsonMapper json;
    private final String token;

    StaffPosts(MockMvc mvc, JsonMapper json, String token) {
        this.mvc = mvc;
        this.json = json;
        this.token = token;
    }

    /** A post as the API returned it. */
    record Written(String id, String slug, String title, long version) {
    }

    Written draft(String title, String body, String excerpt, List<String> tags) throws Exception {
        return call(MockMvcRequestBuilders.post("/api/posts").contentType(MediaType.APPLICATION_JSON).content(
                json.writeValueAsString(Map.of("title", title, "body", body, "excerpt", excerpt, "tags", tags))), 201);
    }

    Written published(String title, String body, String excerpt, List<String> tags) throws Exception {
        return publish(draft(title, body, excerpt, tags));
    }

    Written publish(Written post) throws Exception {
        return call(post("/api/posts/{id}/publish", post.id()).header(HttpHeaders.IF_MATCH, "\"" + post.version() + "\""),
                200);
    }

    Written unpublish(Written post) throws Exception {
        return call(post("/api/posts/{id}/unpublish", post.id())
                .header(HttpHeaders.IF_MATCH, "\"" + post.version() + "\""), 200);
    }

    Written edit(Written post, Map<String, ?> changes) throws Exception {
        return call(MockMvcRequestBuilders.put("/api/posts/{id}", post.id())
                .header(HttpHeaders.IF_MATCH, "\"" + post.version() + "\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(changes)), 200);
    }

    private Written call(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MvcResult result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        String content = result.getResponse().getContentAsString();
        if (result.getResponse().getStatus() != expected) {
            throw new AssertionError("Expected HTTP " + expected + " but got " + result.getResponse().getStatus()
                    + ": " + content);
        }
        JsonNode body = json.readTree(content);
        return new Written(body.get("id").asString(), body.get("slug").asString(), body.get("title").asString(),
                body.get("version").asLong());
    }
}
