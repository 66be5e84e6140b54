package io.realtimeblog.posts.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.realtimeblog.posts.FeatureImage;

/**
 * Content a client sends for a create or an edit, before the server fills in what was left out: a missing
 * slug is generated from the title, a missing excerpt or body is empty, tags are trimmed, lower-cased,
 * de-duplicated and sorted. {@code keepsFeatureImage}: the client said nothing of the cover, so an edit keeps
 * the post's (as a missing slug keeps its slug); otherwise {@code featureImage} is the new cover, null for none.
 */
public record PostDraft(String title, String slug, String excerpt, String body, List<String> tags,
        FeatureImage featureImage, boolean keepsFeatureImage) {

    /** A draft that sets no cover image (and, as an edit, keeps the post's). */
    public PostDraft(String title, String slug, String excerpt, String body, List<String> tags) {
        this(title, slug, excerpt, body, tags, null, true);
    }

    boolean hasSlug() {
        return slug != null && !slug.isBlank();
    }

    PostContent withSlug(String chosenSlug) {
        return new PostContent(title.strip(), chosenSlug, excerpt == null ? "" : excerpt.strip(),
                body == null ? "" : body, normalisedTags(), featureImage);
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
