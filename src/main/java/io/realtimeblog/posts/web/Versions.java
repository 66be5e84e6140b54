package io.realtimeblog.posts.web;

import io.realtimeblog.posts.editing.PostProblems;

/**
 * Reads the version a write started from, out of an {@code If-Match} header ({@code "7"}, {@code W/"7"} or
 * {@code 7}) or a body field or query parameter. At least one is required; if both are sent they must agree.
 */
final class Versions {

    private Versions() {
    }

    static long expected(String ifMatch, Long field) {
        Long header = ifMatch == null || ifMatch.isBlank() ? null : parse(ifMatch);
        if (header == null && field == null) {
            throw PostProblems.versionRequired();
        }
        if (header != null && field != null && !header.equals(field)) {
            throw PostProblems.badVersion("If-Match (" + header + ") and version (" + field + ") disagree.");
        }
        return header != null ? header : field;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static long parse(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw PostProblems.badVersion("If-Match must hold a post version such as \"7\".");
        }
    }
}
