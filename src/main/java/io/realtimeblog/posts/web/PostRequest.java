package io.realtimeblog.posts.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.realtimeblog.posts.FeatureImage;
import io.realtimeblog.posts.editing.PostDraft;
import io.realtimeblog.posts.editing.Slugs;

/**
 * The body of a create or an edit. An edit replaces the whole content (PUT); a missing slug keeps the current
 * one (or, on create, is generated from the title). {@code version} is the version the edit started from; the
 * {@code If-Match} header may carry it instead.
 */
record PostRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN,
                message = "must be lower-case letters and digits joined by single hyphens") String slug,
        @Size(max = 1000) String excerpt,
        @Size(max = 100_000) String body,
        @Size(max = 20) List<@NotNull @Size(min = 1, max = 50) @Pattern(regexp = "^\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*$",
                message = "may hold letters, digits, spaces, dots, hyphens and underscores") String> tags,
        @PositiveOrZero Long version,
        @Valid FeatureImageRequest featureImage,
        Boolean autosave) {

    boolean isAutosave() {
        return Boolean.TRUE.equals(autosave);
    }

    /**
     * A cover image: an image of the media library and its alt text for this post (may be empty in a draft).
     * {@code {"mediaId": null}} removes the cover; a request without {@code featureImage} (or with null) keeps it.
     */
    record FeatureImageRequest(UUID mediaId, @Size(max = 500) String alt) {
    }

    PostDraft draft() {
        if (featureImage == null) {
            return new PostDraft(title, slug, excerpt, body, tags, null, true);
        }
        return new PostDraft(title, slug, excerpt, body, tags, featureImage.mediaId() == null ? null
                : new FeatureImage(featureImage.mediaId(), featureImage.alt()), false);
    }
}
