package io.realtimeblog.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of the JSON API's requests: every request under {@code /api/} except an image upload
 * ({@link MultipartUploads}), whose body is not JSON and is bounded by the container instead.
 */
abstract class JsonApiFilter extends OncePerRequestFilter {

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || MultipartUploads.isUpload(request);
    }
}
