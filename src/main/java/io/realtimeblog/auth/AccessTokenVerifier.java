package io.realtimeblog.auth;

import java.time.Instant;

import io.realtimeblog.users.Actor;

/**
 * Checks an access token outside HTTP (the WebSocket protocol sends it in a frame): the same validation as the
 * REST API's resource server, and the same look-up of the user's current role and status.
 */
public interface AccessTokenVerifier {

    /** The outcome; never throws for a bad token. */
    Verification verify(String token);

    /**
     * Whether a token that was valid has been revoked since (a logout, or a password change that ended its session).
     * Answered from memory, without a query: cheap enough to ask for every open socket every few seconds.
     */
    boolean isRevoked(Verification verification);

    /** What a token turned out to be. */
    enum Outcome { VALID, EXPIRED, INVALID }

    /**
     * @param outcome whether the token may be used
     * @param actor the staff member, when valid
     * @param expiresAt when the token stops being valid, when valid
     * @param tokenId the token's id ({@code jti}), when valid
     * @param sessionId the id of the login session that issued it ({@code sid}), when valid and present
     */
    record Verification(Outcome outcome, Actor actor, Instant expiresAt, String tokenId, String sessionId) {

        static Verification invalid() {
            return new Verification(Outcome.INVALID, null, null, null, null);
        }

        static Verification expired() {
            return new Verification(Outcome.EXPIRED, null, null, null, null);
        }
    }
}
