package io.realtimeblog.users;

import java.util.UUID;

/**
 * A staff member's password changed. Published inside the transaction that changes it, so listeners that take part
 * in that transaction (ending sessions) commit or roll back together with it.
 *
 * @param resetByAdministrator an administrator set a one-time password: every session of the user ends. Otherwise
 *                             the user changed it themself, in the request being handled: their other sessions end,
 *                             the one that made the change goes on.
 */
public record PasswordChanged(UUID userId, boolean resetByAdministrator) {
}
