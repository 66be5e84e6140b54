package io.realtimeblog.users;

import java.util.UUID;

/**
 * A staff account was disabled. Published inside the transaction that disables it, so listeners that take part
 * in that transaction (revoking the user's sessions, for example) commit or roll back together with it.
 */
public record UserDisabled(UUID userId) {
}
