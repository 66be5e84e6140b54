package io.realtimeblog.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The API speaks JSON only. A request under {@code /api/} that names a {@code Content-Type} must name
 * {@code application/json} or an {@code application/*+json} type, without wildcards, in UTF-8 (RFC 8259) if it
 * names a charset at all; anything else, with or without a body, is refused with 415
 * {@code /problems/unsupported-media-type} before any filter or controller reads the request. A request without a
 * {@code Content-Type} passes (a body-less publish needs none; a body without one is refused by Spring MVC).
 * The one exception is the image upload ({@link MultipartUploads}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonContentTypeFilter extends JsonApiFilter {

    private final ProblemWriter problems;

    JsonContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request.getContentType());
        if (refusal != null) {
            problems.write(request, response, ProblemTypes.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type", "Unsupported media type", refusal));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the content type is refused, or null when it is acceptable (or absent). */
    static String refusal(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type header is not a valid media type (or names an unknown charset); "
                    + "send application/json in UTF-8.";
        }
        boolean json = !type.isWildcardType() && !type.isWildcardSubtype() && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
            return "The API accepts application/json (or an application/*+json type) only.";
        }
        String charset = type.getParameter("charset");
        if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(unquote(charset))) {
            return "JSON request bodies must be UTF-8.";
        }
        return null;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
