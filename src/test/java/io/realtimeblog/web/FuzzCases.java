package io.realtimeblog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * Hostile requests for one operation of the OpenAPI document: odd path segments, wrong query values, bad and
 * missing tokens and versions, odd and missing content types, malformed bodies, wrong types for every field of
 * the request schema, oversized headers, and seeded random mixtures of them. Everything derives from the
 * document and one {@link Random}, so the same seed gives the same requests.
 */
final class FuzzCases {

    /** A request to send: what it is (for the report), and its parts. */
    record Case(String label, String method, String target, Map<String, String> headers, byte[] body) {

        byte[] bytes() {
            return RawHttp.request(method, target, headers, body);
        }

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
            String headerText = headers.toString();
            return label + ": " + method + " " + abbreviate(target) + " " + abbreviate(headerText) + " "
                    + abbreviate(text);
        }
    }

    /** An operation: method, path template, its parameters and its request body schema (or null). */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode bodySchema) {

        boolean has(String name) {
            return parameters.stream().anyMatch(p -> name.equals(p.path("name").asString()));
        }
    }

    static final List<String> BAD_SEGMENTS = List.of("not-a-uuid", "%zz", "%00", "%2f", "%2F..%2F", "%2e%2e",
            "..", ";x=1", "%ff%fe", "%e2%82", "%C0%AE", "a%20b", "x".repeat(3_000), "%25", "%u0041", "null",
            "00000000-0000-0000-0000-00000000000g", "{id}");
    static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "", "%zz", "%00",
            "1e9", "[]", "%ff", "2147483648", "a".repeat(5_000));
    static final List<String> BAD_AUTHORIZATIONS = List.of("Bearer", "Bearer ", "Bearer x.y.z", "Basic Zm9vOmJhcg==",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "bearer  ", "Bearer " + "A".repeat(6_000), "Digest x");
    static final List<String> BAD_VERSIONS = List.of("*", "\"abc\"", "W/\"-1\"", "\"99999999999999999999\"",
            "\"1\", \"2\"", "\"999999\"", "", "W/", "\"", "\u00ff\u00fe");
    static final List<String> CONTENT_TYPES = List.of("*/*", "application/*", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "multipart/form-data",
            "application/json; charset=bogus", "application/json; charset=utf-16", "application/json;;",
            "garbage", "application/json; charset=\"", "application/merge-patch+json", "text/html; charset=utf-8",
            "application/octet-stream", "*/json", "application/json, text/plain");
    static final List<String> BODIES = List.of("", "{", "null", "[]", "\"text\"", "42", "{}}", "{\"a\":1,}",
            "\uFEFF{}", "{\"title\":1e99999}", "%ff%fe=%zz&a=%", "--fuzz\r\nContent-Disposition: form-data\r\n\r\n",
            "[".repeat(20_000), "{\"a\":".repeat(5_000));

    private final Random random;
    private final Map<String, String> validPathValues;
    private final String token;

    FuzzCases(Random random, Map<String, String> validPathValues, String token) {
        this.random = random;
        this.validPathValues = validPathValues;
        this.token = token;
    }

    List<Case> of(Operation op, JsonNode components) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        byte[] validBody = op.bodySchema() == null ? null : bytes("{}");
        String target = fill(op.path());
        for (String segment : sample(BAD_SEGMENTS, 10)) {
            List<String> variants = pathVariants(op.path(), segment);
            cases.add(new Case("path segment", op.method(), variants.get(random.nextInt(variants.size())),
                    json(auth), validBody));
        }
        for (JsonNode parameter : op.parameters()) {
            if ("query".equals(parameter.path("in").asString())) {
                for (String value : BAD_QUERY_VALUES) {
                    cases.add(new Case("query " + parameter.path("name").asString(), op.method(),
                            target + "?" + parameter.path("name").asString() + "=" + value, json(auth), validBody));
                }
            }
        }
        cases.add(new Case("no token", op.method(), target, json(Map.of()), validBody));
        for (String authorization : BAD_AUTHORIZATIONS) {
            cases.add(new Case("bad token", op.method(), target, json(Map.of("Authorization", authorization)),
                    validBody));
        }
        if (op.has("If-Match")) {
            for (String version : BAD_VERSIONS) {
                cases.add(new Case("bad If-Match", op.method(), target,
                        json(with(auth, "If-Match", version)), validBody));
            }
        }
        cases.add(new Case("oversized header", op.method(), target, json(with(auth, "X-Fuzz", "a".repeat(20_000))),
                validBody));
        cases.add(new Case("oversized cookie", op.method(), target,
                json(with(auth, "Cookie", "blog_refresh=" + "%zz".repeat(3_000))), validBody));
        for (String type : CONTENT_TYPES) {
            cases.add(new Case("content type", op.method(), target, with(auth, "Content-Type", type), bytes("{}")));
        }
        for (int i = 0; i < 4; i++) {
            cases.add(new Case("content type, no body", op.method(), target,
                    with(auth, "Content-Type", pick(CONTENT_TYPES)), null));
            cases.add(new Case("content type, undecodable", op.method(), target,
                    with(auth, "Content-Type", pick(CONTENT_TYPES)), undecodable()));
        }
        cases.add(new Case("no content type", op.method(), target, auth, bytes("{}")));
        for (String body : BODIES) {
            cases.add(new Case("malformed body", op.method(), target, json(auth), bytes(body)));
        }
        if (op.bodySchema() != null) {
            JsonNode schema = resolve(op.bodySchema(), components);
            for (String field : schema.path("properties").propertyNames()) {
                for (String value : List.of("12", "true", "{}", "[[]]", "null", "\"\\ud800\"", "-1e400",
                        "\"a\\u0000b\"",
                        "\"" + "x".repeat(200_001) + "\"", "[" + "1,".repeat(30_000) + "1]")) {
                    cases.add(new Case("wrong type " + field, op.method(), target, json(auth),
                            bytes("{\"" + field + "\":" + value + "}")));
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            cases.add(mixture(op, target, auth));
        }
        return cases;
    }

    /** A random combination of the above, plus random bytes as the body. */
    private Case mixture(Operation op, String target, Map<String, String> auth) {
        Map<String, String> headers = new LinkedHashMap<>(random.nextBoolean() ? auth
                : Map.of("Authorization", pick(BAD_AUTHORIZATIONS)));
        headers.put("Content-Type", pick(CONTENT_TYPES));
        if (random.nextBoolean()) {
            headers.put("If-Match", pick(BAD_VERSIONS));
        }
        byte[] body = new byte[random.nextInt(300)];
        random.nextBytes(body);
        String path = random.nextBoolean() ? target : pathVariants(op.path(), pick(BAD_SEGMENTS)).stream()
                .findFirst().orElse(target);
        return new Case("random mixture", op.method(), path, headers, random.nextBoolean() ? body
                : bytes(pick(BODIES)));
    }

    /** The path with one variable at a time replaced by the segment (the others valid); the whole path otherwise. */
    private List<String> pathVariants(String path, String segment) {
        List<String> variants = new ArrayList<>();
        for (String name : validPathValues.keySet()) {
            if (path.contains("{" + name + "}")) {
                variants.add(fill(path.replace("{" + name + "}", segment)));
            }
        }
        if (variants.isEmpty()) {
            variants.add(path + "/" + segment);
        }
        return variants;
    }

    private String fill(String path) {
        String filled = path;
        for (Map.Entry<String, String> value : validPathValues.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private byte[] undecodable() {
        byte[] body = new byte[64];
        random.nextBytes(body);
        body[0] = (byte) 0xff;
        body[1] = '%';
        return body;
    }

    /** Some of the values, chosen by the seed, in their original order. */
    private List<String> sample(List<String> values, int count) {
        List<String> chosen = new ArrayList<>(values);
        while (chosen.size() > count) {
            chosen.remove(random.nextInt(chosen.size()));
        }
        return chosen;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<String, String> json(Map<String, String> headers) {
        return with(headers, "Content-Type", "application/json");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "...(" + text.length() + ")" : text;
    }
}
