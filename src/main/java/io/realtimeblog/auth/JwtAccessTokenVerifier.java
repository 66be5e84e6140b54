package io.realtimeblog.auth;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;

/**
 * Verifies access tokens with the resource server's own {@link JwtDecoder} and {@link AccessTokenChecks}. A user who
 * must change a one-time password gets no socket until they have (the REST API refuses them likewise).
 */
@Component
class JwtAccessTokenVerifier implements AccessTokenVerifier {

    private final JwtDecoder decoder;
    private final AccessTokenChecks checks;

    JwtAccessTokenVerifier(JwtDecoder decoder, AccessTokenChecks checks) {
        this.decoder = decoder;
        this.checks = checks;
    }

    @Override
    public Verification verify(String token) {
        if (token == null || token.isBlank()) {
            return Verification.invalid();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream()
                    .anyMatch(error -> String.valueOf(error.getDescription()).toLowerCase().contains("expired"));
            return expired ? Verification.expired() : Verification.invalid();
        } catch (JwtException e) {
            return Verification.invalid();
        }
        return checks.holderOf(jwt)
                .filter(holder -> !holder.passwordChangeRequired())
                .map(holder -> new Verification(Outcome.VALID, holder.actor(), jwt.getExpiresAt(), jwt.getId(),
                        jwt.getClaimAsString(AccessTokens.SESSION_ID)))
                .orElseGet(Verification::invalid);
    }

    @Override
    public boolean isRevoked(Verification verification) {
        return checks.isRevoked(verification.tokenId(), verification.sessionId());
    }
}
