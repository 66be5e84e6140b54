package io.realtimeblog.users;

/**
 * Staff roles, after Ghost and WordPress. What each may do with posts is decided in the posts module
 * ({@code PostPermissions}); only ADMIN manages users.
 */
public enum Role {
    ADMIN,
    EDITOR,
    AUTHOR,
    CONTRIBUTOR
}
