package io.realtimeblog.posts.editing;

import java.util.List;

import io.realtimeblog.posts.FeatureImage;

/** The editable content of a post, as one value: what a save writes and what a revision keeps ({@code featureImage}: null for none). */
record PostContent(String title, String slug, String excerpt, String body, List<String> tags,
        FeatureImage featureImage) {

    PostContent {
        tags = List.copyOf(tags);
    }

    PostContent withFeatureImage(FeatureImage cover) {
        return new PostContent(title, slug, excerpt, body, tags, cover);
    }
}
