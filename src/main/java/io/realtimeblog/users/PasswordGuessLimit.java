package io.realtimeblog.users;

/**
 * Limits password guessing wherever a password is checked. Login and the change of one's own password are two
 * doors to the same secret: someone holding a stolen session must not be able to guess the current password at
 * bcrypt speed through the second door. The {@code auth} module implements this with the login throttle, so both
 * doors count against the same limits of an account and client.
 */
public interface PasswordGuessLimit {

    /**
     * Refuses (429 with {@code Retry-After}) when this account may not be tried from this client now.
     *
     * @param account the account's e-mail address, lower case
     * @param client  the caller's address
     */
    void check(String account, String client);

    /** Counts a wrong password; the count survives the caller's rolled-back transaction. */
    void failed(String account, String client);

    /** Forgets this client's wrong passwords on the account. */
    void succeeded(String account, String client);
}
