package io.realtimeblog.users;

/** Changes to a staff account; a {@code null} component leaves that attribute as it is. */
public record StaffChanges(String displayName, Role role, Boolean enabled) {
}
