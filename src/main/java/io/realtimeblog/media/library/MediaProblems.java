package io.realtimeblog.media.library;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.media.processing.ImageRejected;
import io.realtimeblog.web.ProblemTypes;

/** The errors of the media API, each an RFC 9457 problem with a stable type. */
final class MediaProblems {

    private MediaProblems() {
    }

    static ErrorResponseException notFound(UUID id) {
        return error(HttpStatus.NOT_FOUND, "media-not-found", "Image not found", "No image with id " + id + ".");
    }

    static ErrorResponseException renditionNotFound() {
        return error(HttpStatus.NOT_FOUND, "media-not-found", "Image not found",
                "No such image, or no rendition of it at that width and format.");
    }

    static ErrorResponseException missingFile() {
        return error(HttpStatus.BAD_REQUEST, "missing-file", "No file",
                "Send the image as the multipart part named \"file\".");
    }

    static ErrorResponseException emptyFile() {
        return error(HttpStatus.BAD_REQUEST, "empty-file", "Empty file", "The uploaded file has no bytes.");
    }

    static ErrorResponseException tooLarge(long maxBytes) {
        ErrorResponseException e = error(HttpStatus.CONTENT_TOO_LARGE, "media-too-large", "File too large",
                "Images of at most " + maxBytes + " bytes are accepted.");
        e.getBody().setProperty("maxBytes", maxBytes);
        return e;
    }

    static ErrorResponseException badAlt(String message) {
        ErrorResponseException e = error(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "One or more fields are invalid.");
        e.getBody().setProperty("errors", List.of(java.util.Map.of("field", "alt", "message", message)));
        return e;
    }

    static ErrorResponseException forbidden(String detail) {
        return error(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    static ErrorResponseException inUse(List<MediaView.PostRef> usedBy) {
        ErrorResponseException e = error(HttpStatus.CONFLICT, "media-in-use", "Image in use",
                "Posts still use this image; remove it from them first, or (ADMIN, EDITOR) delete with ?force=true.");
        e.getBody().setProperty("usedBy", usedBy);
        return e;
    }

    static ErrorResponseException concurrentChange() {
        return error(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "Someone else changed this image at the same time; reload and retry.");
    }

    static ErrorResponseException rejected(ImageRejected rejected) {
        return error(rejected.status(), rejected.slug(), rejected.title(), rejected.getMessage());
    }

    private static ErrorResponseException error(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, ProblemTypes.problem(status, slug, title, detail), null);
    }
}
