package io.realtimeblog.users;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read-only look-ups of staff members for other modules (display names of post authors, for example). */
public interface StaffDirectory {

    /** Display names of the given users; ids that do not exist are absent from the map. One query. */
    Map<UUID, String> displayNames(Collection<UUID> ids);

    /** One user's display name, if the user exists (a single-row query with a cached plan). */
    Optional<String> displayName(UUID id);

    /** The user as an actor, if it exists and is enabled. */
    Optional<Actor> findActiveActor(UUID id);

    /**
     * The user an access token issued at {@code issuedAt} speaks for: present if the user exists, is enabled, and
     * has not ended every session since (by being disabled, or by a password reset). One single-row query.
     */
    Optional<TokenHolder> findTokenHolder(UUID id, Instant issuedAt);

    /** The given users that exist and are enabled, as actors with their current role and name. One query. */
    Map<UUID, Actor> activeActors(Collection<UUID> ids);
}
