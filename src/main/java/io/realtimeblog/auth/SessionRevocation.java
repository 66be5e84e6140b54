package io.realtimeblog.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.users.PasswordChanged;

/**
 * Ends login sessions. A session is a refresh-token family; ending it revokes its refresh tokens and puts its id on
 * the access-token deny list for as long as an access token it produced could live, so every such token is refused
 * on every instance (and the sockets opened with them are closed, see {@code StaffRecheck}).
 */
@Component
class SessionRevocation {

    private final RefreshTokens refreshTokens;
    private final AccessTokenDenyList denyList;
    private final AuthProperties properties;
    private final Clock clock = Clock.systemUTC();

    SessionRevocation(RefreshTokens refreshTokens, AccessTokenDenyList denyList, AuthProperties properties) {
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
        this.properties = properties;
    }

    /**
     * Logout: ends the session of the refresh token and that of the access token, when given (they are usually the
     * same), and refuses the access token itself.
     */
    @Transactional
    void logout(String refreshToken, Jwt accessToken) {
        if (refreshToken != null) {
            refreshTokens.familyOf(refreshToken).ifPresent(this::end);
        }
        if (accessToken != null) {
            sessionOf(accessToken).ifPresent(this::end);
            if (accessToken.getId() != null && accessToken.getExpiresAt() != null) {
                denyList.revoke(accessToken.getId(), accessToken.getExpiresAt().plus(properties.clockSkew()));
            }
        }
    }

    /**
     * A password reset ends every session of the user (their access tokens are refused through the user's "valid
     * after" instant as well, and their sockets close because the sessions are on the deny list); a change by the
     * user ends their other sessions and keeps the one that made it. Runs inside the transaction that changes the
     * password.
     */
    @EventListener
    @Transactional
    void on(PasswordChanged event) {
        Optional<UUID> keep = event.resetByAdministrator() ? Optional.empty() : currentSessionOf(event.userId());
        refreshTokens.openFamiliesOf(event.userId()).stream()
                .filter(family -> keep.map(current -> !current.equals(family)).orElse(true))
                .forEach(this::end);
    }

    private void end(UUID sessionId) {
        refreshTokens.revokeFamily(sessionId);
        Instant lastExpiry = clock.instant().plus(properties.accessTokenTtl()).plus(properties.clockSkew());
        denyList.revoke(sessionId.toString(), lastExpiry);
    }

    /** The session of the request being handled, if it is authenticated as this user. */
    private static Optional<UUID> currentSessionOf(UUID userId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ActorAuthentication actor && actor.getPrincipal().id().equals(userId)) {
            return sessionOf(actor.getCredentials());
        }
        return Optional.empty();
    }

    private static Optional<UUID> sessionOf(Jwt token) {
        try {
            String sid = token.getClaimAsString(AccessTokens.SESSION_ID);
            return sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
