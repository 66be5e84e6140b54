package io.realtimeblog.posts.editing;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.web.ProblemTypes;

/** The errors of the posts API, each an RFC 9457 problem with a stable type. */
public final class PostProblems {

    private PostProblems() {
    }

    public static ErrorResponseException notFound(UUID id) {
        return error(HttpStatus.NOT_FOUND, "post-not-found", "Post not found", "No post with id " + id + ".");
    }

    public static ErrorResponseException revisionNotFound(UUID id) {
        return error(HttpStatus.NOT_FOUND, "revision-not-found", "Revision not found",
                "No revision with id " + id + " for this post.");
    }

    public static ErrorResponseException unknownImage(UUID mediaId) {
        ErrorResponseException e = error(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "One or more fields are invalid.");
        e.getBody().setProperty("errors", java.util.List.of(java.util.Map.of("field", "featureImage.mediaId",
                "message", "no image with id " + mediaId + " in the media library")));
        return e;
    }

    public static ErrorResponseException forbidden(String detail) {
        return error(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ErrorResponseException slugTaken(String slug) {
        ErrorResponseException e = error(HttpStatus.CONFLICT, "slug-taken", "Slug already in use",
                "Another post already uses the slug '" + slug + "'.");
        e.getBody().setProperty("slug", slug);
        return e;
    }

    public static ErrorResponseException invalidState(String detail) {
        return error(HttpStatus.CONFLICT, "invalid-post-state", "Not possible in the post's current state", detail);
    }

    public static ErrorResponseException versionRequired() {
        return error(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                "Send the version you started from, as an If-Match header (If-Match: \"7\") or a version field.");
    }

    public static ErrorResponseException badVersion(String detail) {
        return error(HttpStatus.BAD_REQUEST, "bad-version", "Invalid version", detail);
    }

    public static ErrorResponseException badSchedule(String detail) {
        return error(HttpStatus.BAD_REQUEST, "bad-schedule", "Invalid schedule", detail);
    }

    public static ErrorResponseException badSort(String detail) {
        return error(HttpStatus.BAD_REQUEST, "bad-sort", "Invalid sort", detail);
    }

    /** A write that started from an old version: the body carries the post as it is now. */
    public static ErrorResponseException stale(long sentVersion, PostView current) {
        ErrorResponseException e = error(HttpStatus.CONFLICT, "stale-version", "The post has changed",
                "You edited version " + sentVersion + " but the post is now at version " + current.version()
                        + ". Nothing was changed.");
        e.getBody().setProperty("currentPost", current);
        return e;
    }

    private static ErrorResponseException error(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, ProblemTypes.problem(status, slug, title, detail), null);
    }
}
