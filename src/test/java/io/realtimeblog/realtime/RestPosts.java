package io.realtimeblog.realtime;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Makes post changes through the REST API and insists that each succeeds. */
final class RestPosts {

    private final MockMvc mvc;
    private final JsonMapper json;

    RestPosts(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    JsonNode create(String token, String title) throws Exception {
        return call(post("/api/posts"), token, Map.of("title", title, "body", "Body of " + title));
    }

    JsonNode create(String token, String title, String slug) throws Exception {
        return call(post("/api/posts"), token, Map.of("title", title, "slug", slug, "body", "Secret body of " + title));
    }

    JsonNode update(String token, String id, long version, String title) throws Exception {
        return call(put("/api/posts/{id}", id).header(HttpHeaders.IF_MATCH, version), token,
                Map.of("title", title, "body", "Secret body of " + title));
    }

    JsonNode publish(String token, String id, long version) throws Exception {
        return call(post("/api/posts/{id}/publish", id).header(HttpHeaders.IF_MATCH, version), token, null);
    }

    JsonNode unpublish(String token, String id, long version) throws Exception {
        return call(post("/api/posts/{id}/unpublish", id).header(HttpHeaders.IF_MATCH, version), token, null);
    }

    void delete(String token, String id, long version) throws Exception {
        call(MockMvcRequestBuilders.delete("/api/posts/{id}", id).header(HttpHeaders.IF_MATCH, version), token, null);
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        if (status >= 300) {
            throw new AssertionError("HTTP " + status + ": " + result.getResponse().getContentAsString());
        }
        String content = result.getResponse().getContentAsString();
        return content.isEmpty() ? null : json.readTree(content);
    }
}
