package io.realtimeblog.auth;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import io.realtimeblog.users.Actor;

/**
 * An authenticated request: the principal is the {@link Actor}, the authority is its current role. A user who must
 * change their password gets no authority at all until they have ({@link PasswordChangeGate}).
 */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;
    private final boolean passwordChangeRequired;
    private final transient Jwt token;

    ActorAuthentication(Actor actor, boolean passwordChangeRequired, Jwt token) {
        super(passwordChangeRequired ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        this.passwordChangeRequired = passwordChangeRequired;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return actor.id().toString();
    }
}
