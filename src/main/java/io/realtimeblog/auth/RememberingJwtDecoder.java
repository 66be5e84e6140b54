package io.realtimeblog.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The same access token arrives with every request of its life (15 minutes by default) and at every socket
 * handshake; checking its HMAC and parsing its JSON each time was ~6 % of a REST write's CPU (docs/benchmarks.md).
 * A token text that passed the signature check once decodes to the same claims, so the decoded token is remembered
 * by its exact text and only the validators run again (expiry moves with the clock). Tokens that fail are never
 * remembered, so a stranger cannot fill the map; at {@link #MAX_TOKENS} it starts afresh. It is a cache each
 * instance rebuilds from the tokens it sees. Revocation and the user's state are still checked after decoding on
 * every request ({@link AccessTokenChecks}).
 */
final class RememberingJwtDecoder implements JwtDecoder {

    static final int MAX_TOKENS = 2_048;

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /** {@code verifying} checks the signature and runs {@code validator}, which runs again on each later use. */
    RememberingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator) {
        this.verifying = verifying;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifying.decode(token);
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            OAuth2Error first = result.getErrors().iterator().next();
            throw new JwtValidationException(
                    "An error occurred while attempting to decode the Jwt: " + first.getDescription(), result.getErrors());
        }
        return known;
    }

    int remembered() {
        return verified.size();
    }
}
