package io.realtimeblog.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;
import io.realtimeblog.users.TokenHolder;
import io.realtimeblog.web.WebSlice;

/**
 * The application's own API security for {@code @WebMvcTest} slices: its filter chains and path rules, method
 * security, and the problem+json answers to refused requests, with access tokens that need neither a signing key
 * nor a database. {@link #bearer(Role)} is the {@code Authorization} header of a staff member of that role; any
 * other bearer token is refused as invalid, as a forged or expired one would be.
 *
 * <pre>
 * &#64;WebMvcTest(UserController.class)
 * &#64;Import(SliceSecurity.class)
 * mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.ADMIN)));
 * </pre>
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ WebSlice.class, SecurityConfiguration.class, SecurityProblemHandler.class,
        ActorAuthenticationConverter.class, ManagementPort.class })
public class SliceSecurity {

    private static final String PREFIX = "slice-";
    private static final String MUST_CHANGE_PASSWORD = "-must-change-password";

    /** The header value of a staff member of {@code role} in good standing. */
    public static String bearer(Role role) {
        return "Bearer " + PREFIX + role.name();
    }

    /** The header value of a staff member whose password an administrator reset: they must change it first. */
    public static String bearerMustChangePassword(Role role) {
        return bearer(role) + MUST_CHANGE_PASSWORD;
    }

    /** The staff member behind {@link #bearer(Role)}: the same id every time. */
    public static Actor actor(Role role) {
        UUID id = UUID.nameUUIDFromBytes(role.name().getBytes(StandardCharsets.UTF_8));
        return new Actor(id, "Slice " + role.name().toLowerCase(), role);
    }

    @Bean
    JwtDecoder sliceTokens() {
        return token -> {
            if (!token.startsWith(PREFIX)) {
                throw new BadJwtException("Not a token of this slice");
            }
            Instant now = Instant.now();
            return Jwt.withTokenValue(token).header("alg", "none").subject(token.substring(PREFIX.length()))
                    .jti(UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        };
    }

    /** The token's holder as {@link AccessTokenChecks} would find them, without the deny list and the users table. */
    @Bean
    AccessTokenChecks sliceTokenChecks() {
        return new AccessTokenChecks(null, null) {
            @Override
            Optional<TokenHolder> holderOf(Jwt jwt) {
                String subject = jwt.getSubject();
                boolean mustChange = subject.endsWith(MUST_CHANGE_PASSWORD);
                Role role = Role.valueOf(mustChange ? subject.substring(0, subject.length() - MUST_CHANGE_PASSWORD.length())
                        : subject);
                return Optional.of(new TokenHolder(actor(role), mustChange));
            }
        };
    }
}
