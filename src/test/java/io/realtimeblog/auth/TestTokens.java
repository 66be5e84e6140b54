package io.realtimeblog.auth;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Mints access tokens with the application's own key, for tests that need odd expiry times. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token for {@code userId} signed with the running application's key, expiring at {@code expiresAt}. */
    public static String signed(ApplicationContext context, UUID userId, String role, Instant expiresAt) {
        JwtConfiguration.AccessTokenKey key = context.getBean(JwtConfiguration.AccessTokenKey.class);
        AuthProperties properties = context.getBean(AuthProperties.class);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer(properties.issuer())
                .claim("name", "Test")
                .claim("role", role)
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(key.secret().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) claiming to be {@code userId}, which must never be accepted. */
    public static String unsigned(UUID userId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId.toString()).claim("role", "ADMIN")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        return new com.nimbusds.jwt.PlainJWT(claims).serialize();
    }
}
