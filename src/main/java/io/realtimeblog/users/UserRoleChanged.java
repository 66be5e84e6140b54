package io.realtimeblog.users;

/**
 * A staff account's role changed. Published inside the transaction that changes it, so listeners that take part
 * in that transaction (flagging the schedules the user may no longer publish, for example) commit or roll back
 * together with it.
 *
 * @param user the user as they are after the change (their new role)
 * @param previous the role they had before
 */
public record UserRoleChanged(Actor user, Role previous) {
}
