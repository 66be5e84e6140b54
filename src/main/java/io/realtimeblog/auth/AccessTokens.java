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

/** Issues access tokens. The {@code role} claim is informative; requests are authorised by the current role. */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock = Clock.systemUTC();

    AccessTokens(JwtEncoder encoder, AuthProperties properties) {
        this.encoder = encoder;
        this.properties = properties;
    }

    IssuedToken issue(StaffMember user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.id().toString())
                .claim("name", user.displayName())
                .claim("role", user.role().name())
                .issuedAt(now)
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
