package io.realtimeblog.realtime;

import java.util.Map;

import io.realtimeblog.posts.PostsClient;
import tools.jackson.databind.JsonNode;

/** Post changes through the REST API ({@link PostsClient}) that must succeed; each returns the post as answered. */
public final class RestPosts {

    private final PostsClient posts;

    public RestPosts(PostsClient posts) {
        this.posts = posts;
    }

    JsonNode create(String token, String title) throws Exception {
        return posts.create(token, Map.of("title", title, "body", "Body of " + title)).succeeded();
    }

    JsonNode create(String token, String title, String slug) throws Exception {
        return posts.create(token, Map.of("title", title, "slug", slug, "body", "Secret body of " + title)).succeeded();
    }

    JsonNode update(String token, String id, long version, String title) throws Exception {
        return posts.update(token, id, version, Map.of("title", title, "body", "Secret body of " + title)).succeeded();
    }

    JsonNode publish(String token, String id, long version) throws Exception {
        return posts.publish(token, id, version).succeeded();
    }

    JsonNode unpublish(String token, String id, long version) throws Exception {
        return posts.unpublish(token, id, version).succeeded();
    }

    void delete(String token, String id, long version) throws Exception {
        posts.delete(token, id, version).succeeded();
    }
}
