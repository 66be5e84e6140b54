package io.realtimeblog.realtime.presence;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change of who is editing what, as every instance hears of it on the {@code blog-presence} topic
 * (docs/events.md): a user started or renewed editing a post (with the time the lease ends), or stopped (their
 * last lease on the post ended). Each instance turns it into a {@code presence} frame for the staff who may see
 * the post.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this shape
 * @param postId the post being edited
 * @param user who is editing
 * @param editing true while the user holds a lease on the post
 * @param expiresAt when the newest lease ends unless renewed; null when {@code editing} is false
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PresenceNotice(int schemaVersion, UUID postId, Editor user, boolean editing, Instant expiresAt) {

    public static final int SCHEMA_VERSION = 1;

    /** A staff member as presence names them. */
    public record Editor(UUID id, String name) {
    }

    static PresenceNotice started(PresenceEntry entry) {
        return new PresenceNotice(SCHEMA_VERSION, entry.postId(), new Editor(entry.userId(), entry.userName()), true,
                entry.expiresAt());
    }

    static PresenceNotice stopped(PresenceEntry entry) {
        return new PresenceNotice(SCHEMA_VERSION, entry.postId(), new Editor(entry.userId(), entry.userName()), false,
                null);
    }
}
