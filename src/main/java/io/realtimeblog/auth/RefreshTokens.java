package io.realtimeblog.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.users.UserDisabled;

/**
 * Opaque refresh tokens with rotation and reuse detection. Each use marks the token used and issues its successor
 * in the same family; presenting a used token again means it was copied, so the whole family is revoked and the
 * session's access tokens go on the deny list: the thief's access token stops working at once on every instance
 * (and its sockets close), not when it expires.
 */
@Component
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository tokens;
    private final AccessTokenDenyList denyList;
    private final AuthProperties properties;
    private final Clock clock = Clock.systemUTC();

    RefreshTokens(RefreshTokenRepository tokens, AccessTokenDenyList denyList, AuthProperties properties) {
        this.tokens = tokens;
        this.denyList = denyList;
        this.properties = properties;
    }

    /** Starts a new family, at login. */
    @Transactional
    IssuedRefreshToken issueFirst(UUID userId) {
        return issue(userId, UUID.randomUUID(), clock.instant());
    }

    /**
     * Uses up the presented token and issues its successor. Refusals are thrown after the revocation they
     * caused has been written, and do not roll it back.
     *
     * @throws ErrorResponseException 401 {@code refresh-token-reused} or {@code invalid-refresh-token}
     */
    @Transactional(noRollbackFor = ErrorResponseException.class)
    Rotation rotate(String presented) {
        Instant now = clock.instant();
        RefreshToken token = tokens.findByTokenHash(hash(presented)).orElseThrow(AuthProblems::invalidRefreshToken);
        if (token.isUsed()) {
            endCopiedSession(token.getFamilyId(), now);
            throw AuthProblems.refreshTokenReused();
        }
        if (token.isRevoked() || token.isExpiredAt(now) || tokens.existsByFamilyIdAndRevokedAtIsNotNull(token.getFamilyId())) {
            throw AuthProblems.invalidRefreshToken();
        }
        if (tokens.markUsed(token.getId(), now) == 0) {
            // another request used (or revoked) it between our read and our update
            endCopiedSession(token.getFamilyId(), now);
            throw AuthProblems.refreshTokenReused();
        }
        return new Rotation(token.getUserId(), token.getFamilyId(), issue(token.getUserId(), token.getFamilyId(), now));
    }

    /**
     * A copied token: no refresh token of the family works again, nor any access token the session was given. Only
     * the request that revoked the family writes the deny-list entry: concurrent uses of one copied token wait on the
     * family's rows and then find nothing left to revoke (on MariaDB's repeatable read each would otherwise insert the
     * same entry); a family ended earlier (logout, password change, disabled user) was deny-listed or refused then.
     */
    private void endCopiedSession(UUID familyId, Instant now) {
        if (tokens.revokeFamily(familyId, now) > 0) {
            denyList.revoke(familyId.toString(), now.plus(properties.accessTokenTtl()).plus(properties.clockSkew()));
        }
    }

    /** The family (the login session) of the presented token, if it is one of ours. */
    @Transactional(readOnly = true)
    Optional<UUID> familyOf(String presented) {
        return tokens.findByTokenHash(hash(presented)).map(RefreshToken::getFamilyId);
    }

    /** The user's families that can still be refreshed: their open login sessions. */
    @Transactional(readOnly = true)
    List<UUID> openFamiliesOf(UUID userId) {
        return tokens.findOpenFamilies(userId, clock.instant());
    }

    @Transactional
    void revokeFamily(UUID familyId) {
        tokens.revokeFamily(familyId, clock.instant());
    }

    /** Runs inside the transaction that disables the user, so both commit or neither does. */
    @EventListener
    @Transactional
    void on(UserDisabled event) {
        tokens.revokeAllOfUser(event.userId(), clock.instant());
    }

    @Transactional
    void purgeExpired() {
        tokens.deleteExpiredBefore(clock.instant());
    }

    private IssuedRefreshToken issue(UUID userId, UUID familyId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new RefreshToken(familyId, userId, hash(value), now, now.plus(properties.refreshTokenTtl())));
        return new IssuedRefreshToken(value, properties.refreshTokenTtl().toSeconds(), familyId);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A token, how many seconds it stays valid, and the login session (family) it belongs to. */
    record IssuedRefreshToken(String value, long expiresIn, UUID familyId) {
    }

    record Rotation(UUID userId, UUID familyId, IssuedRefreshToken next) {
    }
}
