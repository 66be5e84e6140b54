package io.realtimeblog.users;

/**
 * The staff member an access token speaks for, as their record is now.
 *
 * @param passwordChangeRequired the user must change their password before anything else
 */
public record TokenHolder(Actor actor, boolean passwordChangeRequired) {
}
