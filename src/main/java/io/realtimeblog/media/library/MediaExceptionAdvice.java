package io.realtimeblog.media.library;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import io.realtimeblog.media.MediaProperties;
import io.realtimeblog.media.processing.ImageRejected;
import io.realtimeblog.media.storage.MediaStoreException;
import io.realtimeblog.web.ProblemTypes;

/**
 * The media module's errors as problem details; ahead of the general advice so that an upload over the container's
 * limit (raised while the dispatcher parses the multipart body, before any controller is chosen) is a 413 that
 * names the limit rather than a generic malformed body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(MediaExceptionAdvice.class);

    private final MediaProperties properties;

    MediaExceptionAdvice(MediaProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(MediaProblems.tooLarge(properties.maxFileSize().toBytes()).getBody());
    }

    @ExceptionHandler(ImageRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImageRejected e) {
        return problem(MediaProblems.rejected(e).getBody());
    }

    @ExceptionHandler(MediaStoreException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(MediaStoreException e) {
        log.warn("The media store failed: {}", e.toString());
        return problem(ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "media-store-unavailable",
                "Media store unavailable", "The images could not be read or written right now; retry later."));
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
