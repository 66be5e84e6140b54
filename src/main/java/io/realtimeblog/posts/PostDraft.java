package io.realtimeblog.posts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Content a client sends for a create or an edit, before the server fills in what was left out: a missing
 * slug is generated from the title, a missing excerpt or body is empty, tags are trimmed, lower-cased,
 * de-duplicated and sorted.
 */
public record PostDraft(String title, String slug, String excerpt, String body, List<String> tags) {

    boolean hasSlug() {
        return slug != null && !slug.isBlank();
    }

    PostContent withSlug(String chosenSlug) {
        return new PostContent(title.strip(), chosenSlug, excerpt == null ? "" : excerpt.strip(),
                body == null ? "" : body, normalisedTags());
    }

    private List<String> normalisedTags() {
        if (tags == null) {
            return List.of();
        }
        Set<String> unique = new TreeSet<>();
        for (String tag : tags) {
            unique.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(unique);
    }
}
