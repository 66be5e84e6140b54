package io.realtimeblog.auth;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;

import io.realtimeblog.users.StaffDirectory;

/** Verifies access tokens with the resource server's own {@link JwtDecoder}. */
@Component
class JwtAccessTokenVerifier implements AccessTokenVerifier {

    private final JwtDecoder decoder;
    private final StaffDirectory staff;

    JwtAccessTokenVerifier(JwtDecoder decoder, StaffDirectory staff) {
        this.decoder = decoder;
        this.staff = staff;
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
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Verification.invalid();
        }
        return staff.findActiveActor(id)
                .map(actor -> new Verification(Outcome.VALID, actor, jwt.getExpiresAt()))
                .orElseGet(Verification::invalid);
    }
}
