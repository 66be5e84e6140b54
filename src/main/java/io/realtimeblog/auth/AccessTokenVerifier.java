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

    /** What a token turned out to be. */
    enum Outcome { VALID, EXPIRED, INVALID }

    /**
     * @param outcome whether the token may be used
     * @param actor the staff member, when valid
     * @param expiresAt when the token stops being valid, when valid
     */
    record Verification(Outcome outcome, Actor actor, Instant expiresAt) {

        static Verification invalid() {
            return new Verification(Outcome.INVALID, null, null);
        }

        static Verification expired() {
            return new Verification(Outcome.EXPIRED, null, null);
        }
    }
}
