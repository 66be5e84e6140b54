package io.realtimeblog.site;

import java.util.List;
import java.util.Map;

import io.realtimeblog.posts.PostsClient;
import tools.jackson.databind.JsonNode;

/** One staff member writing posts through the real API ({@link PostsClient}), so the public site sees what it committed. */
final class StaffPosts {

    private final PostsClient posts;
    private final String token;

    StaffPosts(PostsClient posts, String token) {
        this.posts = posts;
        this.token = token;
    }

    /** A post as the API returned it. */
    record Written(String id, String slug, String title, long version) {

        static Written from(JsonNode body) {
            return new Written(body.get("id").asString(), body.get("slug").asString(), body.get("title").asString(),
                    body.get("version").asLong());
        }
    }

    Written draft(String title, String body, String excerpt, List<String> tags) throws Exception {
        return Written.from(posts.create(token, Map.of("title", title, "body", body, "excerpt", excerpt, "tags", tags))
                .succeeded());
    }

    Written published(String title, String body, String excerpt, List<String> tags) throws Exception {
        return publish(draft(title, body, excerpt, tags));
    }

    Written publish(Written post) throws Exception {
        return Written.from(posts.publish(token, post.id(), post.version()).succeeded());
    }

    Written unpublish(Written post) throws Exception {
        return Written.from(posts.unpublish(token, post.id(), post.version()).succeeded());
    }

    Written edit(Written post, Map<String, ?> changes) throws Exception {
        return Written.from(posts.update(token, post.id(), post.version(), changes).succeeded());
    }
}
