package io.realtimeblog.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

import io.realtimeblog.users.StaffMember;
import io.realtimeblog.users.UserService;

/** Login and refresh: checks the throttle and the credentials, then issues an access and a refresh token. */
@Service
class AuthService {

    private final UserService users;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final SessionRevocation sessions;
    private final Clock clock = Clock.systemUTC();

    AuthService(UserService users, LoginThrottle throttle, AccessTokens accessTokens, RefreshTokens refreshTokens,
            SessionRevocation sessions) {
        this.users = users;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.sessions = sessions;
    }

    /**
     * @param clientAddress the caller's address; behind a reverse proxy it is only right with
     *                      {@code server.forward-headers-strategy=native} (or {@code framework})
     */
    Tokens login(String email, String password, String clientAddress) {
        String account = PasswordGuessThrottle.key(email);
        String client = PasswordGuessThrottle.clientKey(clientAddress);
        Instant now = clock.instant();
        Optional<Duration> retryAfter = throttle.retryAfter(account, client, now);
        if (retryAfter.isPresent()) {
            throw AuthProblems.tooManyAttempts(retryAfter.get());
        }
        Optional<StaffMember> user = users.authenticate(account, password);
        if (user.isEmpty()) {
            throttle.recordFailure(account, client, now);
            throw AuthProblems.badCredentials();
        }
        throttle.recordSuccess(account, client);
        RefreshTokens.IssuedRefreshToken refresh = refreshTokens.issueFirst(user.get().id());
        return new Tokens(accessTokens.issue(user.get(), refresh.familyId()), refresh, user.get());
    }

    Tokens refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = rotate(refreshToken);
        Optional<StaffMember> user = users.findActive(rotation.userId());
        if (user.isEmpty()) {
            refreshTokens.revokeFamily(rotation.familyId());
            throw AuthProblems.invalidRefreshToken();
        }
        return new Tokens(accessTokens.issue(user.get(), rotation.familyId()), rotation.next(), user.get());
    }

    /**
     * When requests present tokens of one family at the same moment, the database may break a lock cycle between
     * them (a deadlock on PostgreSQL or MariaDB). Two uses at once is what a copied token looks like, so the loser
     * tries again in a new transaction, which then sees the token used and revokes the family.
     */
    private RefreshTokens.Rotation rotate(String refreshToken) {
        for (int attempt = 1; ; attempt++) {
            try {
                return refreshTokens.rotate(refreshToken);
            } catch (PessimisticLockingFailureException concurrentUse) {
                if (attempt == 3) {
                    throw AuthProblems.refreshTokenReused();
                }
            }
        }
    }

    /** Ends the session of the refresh token and of the access token, either of which may be null. */
    void logout(String refreshToken, Jwt accessToken) {
        sessions.logout(refreshToken, accessToken);
    }

    record Tokens(AccessTokens.IssuedToken access, RefreshTokens.IssuedRefreshToken refresh, StaffMember user) {
    }
}
