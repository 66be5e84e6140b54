package io.realtimeblog.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import io.realtimeblog.users.StaffMember;

/**
 * Issues access tokens. The {@code role} claim is informative; requests are authorised by the current role. The
 * {@code sid} claim names the login session (the refresh-token family), so that ending a session refuses every
 * access token it produced ({@link AccessTokenDenyList}).
 */
@Component
class AccessTokens {

    /** The claim naming the login session a token belongs to. */
    static final String SESSION_ID = "sid";

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock = Clock.systemUTC();

    AccessTokens(JwtEncoder encoder, AuthProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    IssuedToken issue(StaffMember user, UUID sessionId) {
        Instant now = clock.instant();
        // never dated before the user's last "end all sessions" cut, which lies up to a second ahead
        Instant issuedAt = user.tokensValidAfter() != null && user.tokensValidAfter().isAfter(now)
                ? user.tokensValidAfter() : now;
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .claim("name", user.displayName())
                .claim("role", user.role().name())
                .claim(SESSION_ID, sessionId.toString())
                .issuedAt(issuedAt)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(JwtConfiguration.ALGORITHM).type("JWT").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, properties.accessTokenTtl().toSeconds());
    }

    /** A token and how many seconds it stays valid. */
    record IssuedToken(String value, long expiresIn) {
    }
}
