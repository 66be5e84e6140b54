package io.realtimeblog.posts;

import java.util.List;

/** The editable content of a post, as one value: what a save writes and what a revision keeps. */
record PostContent(String title, String slug, String excerpt, String body, List<String> tags) {

    PostContent {
        tags = List.copyOf(tags);
    }
}
