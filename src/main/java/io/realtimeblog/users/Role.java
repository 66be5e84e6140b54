package io.realtimeblog.users;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Staff roles, after Ghost and WordPress. What each may do with posts is decided in the posts module
 * ({@code PostPermissions}); only ADMIN manages users.
 */
public enum Role {
    ADMIN,
    EDITOR,
    AUTHOR,
    CONTRIBUTOR;

    /**
     * Reads a role from JSON by its exact name only. Without this Jackson would also accept an ordinal
     * ({@code "role": 0} meaning ADMIN), which no client should rely on.
     */
    @JsonCreator
    public static Role fromName(String name) {
        return Role.valueOf(name);
    }
}
