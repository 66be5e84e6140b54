package io.realtimeblog.realtime.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The server's presence frames (docs/websocket-protocol.md, "Presence"). */
public final class PresenceFrames {

    private final JsonMapper json;

    public PresenceFrames(JsonMapper json) {
        this.json = json;
    }

    /** {@code presence}: the user started (or renewed, with a later expiresAt) or stopped editing the post. */
    public String presence(PresenceNotice notice) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "presence");
        frame.put("postId", notice.postId());
        frame.put("user", user(notice.user().id(), notice.user().name()));
        frame.put("editing", notice.editing());
        if (notice.editing()) {
            frame.put("expiresAt", notice.expiresAt());
        }
        return json.writeValueAsString(frame);
    }

    /** {@code presence-snapshot}: everyone editing a post the client may see, right after {@code ready}. */
    public String snapshot(List<PresenceEntry> entries) {
        List<Map<String, Object>> items = new ArrayList<>(entries.size());
        for (PresenceEntry entry : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("postId", entry.postId());
            item.put("user", user(entry.userId(), entry.userName()));
            item.put("expiresAt", entry.expiresAt());
            items.add(item);
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "presence-snapshot");
        frame.put("entries", items);
        return json.writeValueAsString(frame);
    }

    private static Map<String, Object> user(Object id, String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("name", name);
        return user;
    }
}
