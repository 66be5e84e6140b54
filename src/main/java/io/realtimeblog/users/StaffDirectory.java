package io.realtimeblog.users;

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

    /** The given users that exist and are enabled, as actors with their current role and name. One query. */
    Map<UUID, Actor> activeActors(Collection<UUID> ids);
}
