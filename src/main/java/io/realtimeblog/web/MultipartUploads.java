package io.realtimeblog.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one API request that is not JSON: an image upload, {@code POST /api/media} with a
 * {@code multipart/form-data} body (docs/media.md). Its size is bounded by the container's multipart limits, which
 * the media module sets from {@code blog.media.max-file-size}, instead of {@code blog.web.max-request-body}.
 */
final class MultipartUploads {

    static final String PATH = "/api/media";

    private MultipartUploads() {
    }

    static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}
