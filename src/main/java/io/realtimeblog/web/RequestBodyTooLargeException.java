package io.realtimeblog.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past {@code blog.web.max-request-body}. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
