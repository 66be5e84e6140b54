package io.realtimeblog.realtime.presence;

import java.time.Instant;
import java.util.UUID;

/** A user editing a post, until {@code expiresAt} unless renewed (the newest of their leases on it). */
public record PresenceEntry(UUID postId, UUID userId, String userName, Instant expiresAt) {
}
