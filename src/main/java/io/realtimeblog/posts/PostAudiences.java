package io.realtimeblog.posts;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.posts.editing.PostRepository;

/** Looks up {@link PostAudience}s for other modules, many posts in one query and without their bodies. */
@Component
public class PostAudiences {

    private final PostRepository posts;

    PostAudiences(PostRepository posts) {
        this.posts = posts;
    }

    /** The audiences of the given posts; ids of posts that do not exist are absent from the map. */
    @Transactional(readOnly = true)
    public Map<UUID, PostAudience> of(Collection<UUID> postIds) {
        Map<UUID, PostAudience> audiences = new HashMap<>();
        if (!postIds.isEmpty()) {
            for (PostAudience audience : posts.findAudiences(postIds)) {
                audiences.put(audience.postId(), audience);
            }
        }
        return audiences;
    }
}
