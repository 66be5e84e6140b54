package io.realtimeblog.users;

import java.util.Objects;
import java.util.UUID;

/**
 * The authenticated staff member behind a request: who they are, the name shown to others, their current role.
 * Built by the auth module from a validated access token and the user's current record.
 */
public record Actor(UUID id, String name, Role role) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
