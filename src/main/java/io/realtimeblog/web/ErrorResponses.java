package io.realtimeblog.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The bodies of errors raised outside our controllers, for the servlet container's error page
 * ({@link ProblemErrorController}) and for requests Tomcat refuses before any servlet runs
 * ({@link ProblemErrorReportValve}). An API client gets {@code application/problem+json}; a browser on a public
 * or admin page gets a small HTML page of ours. Neither ever carries a stack trace, a class name or the
 * request's own text.
 */
final class ErrorResponses {

    static final String HTML = "text/html;charset=UTF-8";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> SLUGS = Map.ofEntries(Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"), Map.entry(408, "request-timeout"),
            Map.entry(409, "conflict"), Map.entry(413, "payload-too-large"), Map.entry(414, "uri-too-long"),
            Map.entry(415, "unsupported-media-type"), Map.entry(429, "too-many-requests"),
            Map.entry(431, "header-too-large"), Map.entry(505, "http-version-not-supported"));

    private ErrorResponses() {
    }

    /** The stable problem type slug for a status: the generic one for 4xx, {@code internal-error} for 5xx. */
    static String slug(int status) {
        String slug = SLUGS.get(status);
        if (slug != null) {
            return slug;
        }
        return status >= 500 ? "internal-error" : "bad-request";
    }

    /** HTML only for a browser (it accepts text/html) outside the API, the API docs, actuator and the socket. */
    static boolean wantsHtml(String path, String accept) {
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        String p = path == null ? "" : path;
        return !(p.startsWith("/api/") || p.equals("/api") || p.startsWith("/actuator") || p.startsWith("/v3/")
                || p.startsWith("/ws"));
    }

    /** A problem body for the status: generic title and detail, nothing from the request. */
    static String problemJson(int status) {
        return "{\"type\":\"/problems/" + slug(status) + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\"}";
    }

    /** A small page of ours for the status, without inline script or style (it passes any CSP). */
    static String html(int status) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + title(status)
                + "</title></head><body><h1>" + title(status) + "</h1><p>" + detail(status)
                + "</p><p><a href=\"/\">Go to the home page</a></p></body></html>\n";
    }

    static String title(int status) {
        if (status == 431) {
            return "Request Header Fields Too Large";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Internal Server Error" : "Bad Request";
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its address, headers or encoding) and was not processed.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept this method.";
            case 413 -> "The request body is too large.";
            case 414 -> "The address is too long.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The server could not complete the request." : "The request was refused.";
        };
    }
}
