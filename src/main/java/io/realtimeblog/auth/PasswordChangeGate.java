package io.realtimeblog.auth;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets an authenticated request through unless its user must first change a one-time password set by an
 * administrator; such a user may only read their own account and change the password
 * ({@link SecurityConfiguration}). The refusal is answered as 403 {@code /problems/password-change-required}.
 */
final class PasswordChangeGate implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication current = authentication.get();
        boolean authenticated = trust.isAuthenticated(current);
        return new AuthorizationDecision(authenticated && !mustChangePassword(current));
    }

    static boolean mustChangePassword(Authentication authentication) {
        return authentication instanceof ActorAuthentication actor && actor.passwordChangeRequired();
    }
}
