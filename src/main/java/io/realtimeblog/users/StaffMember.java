package io.realtimeblog.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account as other modules and API clients see it. Never carries the password hash.
 *
 * @param version grows by one on every change of the account
 */
public record StaffMember(UUID id, String email, String displayName, Role role, boolean enabled, Instant createdAt,
        Instant updatedAt, long version) {
}
