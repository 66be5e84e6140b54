package io.realtimeblog.posts;


import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the posts API as a client would, with a bearer token, and reads answers as JSON trees. */
public final class PostsClient {

    private final MockMvc mvc;
    private final JsonMapper json;

    public PostsClient(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** An HTTP answer: status, headers and the body as JSON (null when empty). */
    public record Answer(int status, String contentType, String etag, String location, JsonNode body) {

        public String id() {
            return body.get("id").asString();
        }

        public long version() {
            return body.get("version").asLong();
        }

        /** The body of a successful answer; fails the test with the status and body of any other. */
        public JsonNode succeeded() {
            if (status >= 300) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return body;
        }
    }

    public Answer create(String token, Map<String, ?> post) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/posts"), token, post);
    }

    public Answer create(String token, String title) throws Exception {
        return create(token, Map.of("title", title, "body", "Body of " + title, "tags", List.of("news")));
    }

    public Answer get(String token, String id) throws Exception {
        return send(MockMvcRequestBuilders.get("/api/posts/{id}", id), token, null);
    }

    public Answer list(String token, String query) throws Exception {
        return send(MockMvcRequestBuilders.get(java.net.URI.create("/api/posts" + query)), token, null);
    }

    public Answer update(String token, String id, long version, Map<String, ?> post) throws Exception {
        return send(MockMvcRequestBuilders.put("/api/posts/{id}", id).header(HttpHeaders.IF_MATCH, etag(version)), token, post);
    }

    public Answer publish(String token, String id, long version) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/posts/{id}/publish", id).header(HttpHeaders.IF_MATCH, etag(version)), token,
                null);
    }

    public Answer unpublish(String token, String id, long version) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/posts/{id}/unpublish", id).header(HttpHeaders.IF_MATCH, etag(version)),
                token, null);
    }

    public Answer schedule(String token, String id, long version, Object scheduledAt) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/posts/{id}/schedule", id).header(HttpHeaders.IF_MATCH, etag(version)),
                token, Map.of("scheduledAt", scheduledAt.toString()));
    }

    public Answer delete(String token, String id, long version) throws Exception {
        return send(MockMvcRequestBuilders.delete("/api/posts/{id}", id).header(HttpHeaders.IF_MATCH, etag(version)), token, null);
    }

    public Answer revisions(String token, String id) throws Exception {
        return send(MockMvcRequestBuilders.get("/api/posts/{id}/revisions", id), token, null);
    }

    public Answer revision(String token, String id, String revisionId) throws Exception {
        return send(MockMvcRequestBuilders.get("/api/posts/{id}/revisions/{rev}", id, revisionId), token, null);
    }

    public Answer restore(String token, String id, String revisionId, long version) throws Exception {
        return send(MockMvcRequestBuilders.post("/api/posts/{id}/revisions/{rev}/restore", id, revisionId)
                .header(HttpHeaders.IF_MATCH, etag(version)), token, null);
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    public Answer send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String token,
            Object body) throws Exception {
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        MvcResult result = mvc.perform(request).andReturn();
        String content = result.getResponse().getContentAsString();
        return new Answer(result.getResponse().getStatus(), result.getResponse().getContentType(),
                result.getResponse().getHeader(HttpHeaders.ETAG), result.getResponse().getHeader(HttpHeaders.LOCATION),
                content.isEmpty() ? null : json.readTree(content));
    }
}
