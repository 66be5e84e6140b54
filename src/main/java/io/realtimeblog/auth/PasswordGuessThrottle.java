package io.realtimeblog.auth;

import java.time.Clock;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.users.PasswordGuessLimit;

/**
 * The login throttle's limits applied to a password typed anywhere else (today: the change of one's own password),
 * with the same account and client keys as login, so guesses through either door add up.
 */
@Component
class PasswordGuessThrottle implements PasswordGuessLimit {

    private final LoginThrottle throttle;
    private final Clock clock;

    PasswordGuessThrottle(LoginThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public void check(String account, String client) {
        throttle.retryAfter(key(account), clientKey(client), clock.instant()).ifPresent(wait -> {
            throw AuthProblems.tooManyPasswordAttempts(wait);
        });
    }

    /** In its own transaction: the caller's transaction rolls back with the refusal that follows. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String account, String client) {
        throttle.recordFailure(key(account), clientKey(client), clock.instant());
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String account, String client) {
        throttle.recordSuccess(key(account), clientKey(client));
    }

    static String key(String account) {
        return account.strip().toLowerCase(Locale.ROOT);
    }

    static String clientKey(String clientAddress) {
        return clientAddress == null ? "unknown" : clientAddress.substring(0, Math.min(64, clientAddress.length()));
    }
}
