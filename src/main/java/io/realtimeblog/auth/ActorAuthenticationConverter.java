package io.realtimeblog.auth;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a validated access token into an {@link ActorAuthentication}, if {@link AccessTokenChecks} says the token
 * may still be used.
 */
@Component
class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessTokenChecks checks;

    ActorAuthenticationConverter(AccessTokenChecks checks) {
        this.checks = checks;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return checks.holderOf(jwt)
                .map(holder -> new ActorAuthentication(holder.actor(), holder.passwordChangeRequired(), jwt))
                .orElseThrow(() -> new InvalidBearerTokenException(
                        "The token was revoked, or the account is disabled or no longer exists"));
    }
}
