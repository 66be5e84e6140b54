package io.realtimeblog.users;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A staff account as other modules and API clients see it. Never carries the password hash.
 *
 * @param passwordChangeRequired an administrator reset the password: the user must choose a new one before doing
 *                               anything else
 * @param version grows by one on every change of the account
 * @param tokensValidAfter access tokens issued before this instant are refused (the account was disabled or its
 *                         password reset); new tokens are dated no earlier. Not part of the API.
 */
public record StaffMember(UUID id, String email, String displayName, Role role, boolean enabled,
        boolean passwordChangeRequired, Instant createdAt, Instant updatedAt, long version,
        @JsonIgnore Instant tokensValidAfter) {
}
