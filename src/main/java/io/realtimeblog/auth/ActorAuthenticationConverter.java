package io.realtimeblog.auth;

import java.util.UUID;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

import io.realtimeblog.users.StaffDirectory;

/**
 * Turns a validated access token into an {@link ActorAuthentication}, reading the user afresh on every request so
 * that a role change or a disabled account takes effect at once on every instance.
 */
@Component
class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final StaffDirectory staff;

    ActorAuthenticationConverter(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token's subject is not a user id");
        }
        return staff.findActiveActor(id)
                .map(actor -> new ActorAuthentication(actor, jwt))
                .orElseThrow(() -> new InvalidBearerTokenException("The account is disabled or no longer exists"));
    }
}
