package io.realtimeblog.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a raw query string ({@code a=1&b=x%20y}) strictly: every {@code %} starts two hex digits and the decoded
 * bytes are UTF-8. Pure; used by {@link QueryParametersFilter}.
 */
final class QueryParameters {

    /** The query string cannot be decoded. */
    static final class MalformedQueryException extends Exception {

        MalformedQueryException(String message) {
            super(message, null, false, false);
        }
    }

    private QueryParameters() {
    }

    /** Name to values, in order of appearance; empty for a null or empty query string. */
    static Map<String, String[]> parse(String query) throws MalformedQueryException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        values.forEach((name, list) -> result.put(name, list.toArray(String[]::new)));
        return Collections.unmodifiableMap(result);
    }

    private static String decode(String text) throws MalformedQueryException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new MalformedQueryException("A percent sign is not followed by two hex digits.");
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedQueryException("A percent sign is not followed by two hex digits.");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                // the container hands over the raw bytes of the request line, one char per byte
                bytes.write(c & 0xff);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedQueryException("The query string is not UTF-8.");
        }
    }
}
