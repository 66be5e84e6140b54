package io.realtimeblog.realtime.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds the server's frames and reads the client's (protocol v1, docs/websocket-protocol.md). */
final class Frames {

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    /** A client frame: its type and fields, or a reason why it is not one. */
    record Inbound(String type, JsonNode body, String problem) {

        boolean valid() {
            return problem == null;
        }

        String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.isString() ? node.asString() : "";
        }
    }

    Inbound read(String payload) {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (RuntimeException e) {
            return new Inbound(null, null, "The frame is not JSON.");
        }
        if (node == null || !node.isObject()) {
            return new Inbound(null, null, "The frame must be a JSON object.");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isString()) {
            return new Inbound(null, node, "The frame has no string \"type\".");
        }
        return new Inbound(type.asString(), node, null);
    }

    String ready(String audience, long position, String epoch) {
        return write(Map.of("type", "ready", "audience", audience, "position", position, "epoch", epoch,
                "protocol", 1));
    }

    String resync(String reason, long position) {
        return write(Map.of("type", "resync", "reason", reason, "position", position));
    }

    String error(String code, String message) {
        return write(Map.of("type", "error", "code", code, "message", message));
    }

    String authenticated(java.time.Instant expiresAt) {
        return write(Map.of("type", "authenticated", "expiresAt", expiresAt.toString()));
    }

    String pong() {
        return "{\"type\":\"pong\"}";
    }

    private String write(Map<String, Object> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("type", fields.get("type"));
        ordered.putAll(fields);
        return json.writeValueAsString(ordered);
    }
}
