package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The application's decoder remembers tokens that passed, and still refuses them once they expire. */
class RememberingJwtDecoderTests {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AuthProperties properties = new AuthProperties(null, "realtime-blog", Duration.ofMinutes(15),
            Duration.ofDays(14), true, 5, 20, Duration.ofMinutes(15), 10, Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(2));
    private final JwtDecoder decoder = JwtConfiguration.decoder(
            new JwtConfiguration.AccessTokenKey(new SecretKeySpec(SECRET, "HmacSHA256")), properties, clock);

    @Test
    void aTokenSeenBeforeDecodesToTheSameClaimsWithoutBeingVerifiedAgain() {
        AtomicInteger verifications = new AtomicInteger();
        RememberingJwtDecoder counting = countingDecoder(verifications);
        String token = token(SECRET, "realtime-blog", NOW.plusSeconds(900));

        Jwt first = counting.decode(token);
        Jwt second = counting.decode(token);

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedAsExpiredOnceItsTimeIsUp() {
        String token = token(SECRET, "realtime-blog", NOW.plusSeconds(900));
        assertThat(decoder.decode(token).getExpiresAt()).isEqualTo(NOW.plusSeconds(900));

        now.set(NOW.plusSeconds(900 + 6)); // past the 5 s clock skew
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .satisfies(e -> assertThat(((JwtValidationException) e).getErrors())
                        .anyMatch(error -> error.getDescription().contains("expired")));
        // and again: it was forgotten, and the full check refuses it the same way
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        AtomicInteger verifications = new AtomicInteger();
        RememberingJwtDecoder counting = countingDecoder(verifications);
        String forged = token("another-secret-another-secret-32".getBytes(), "realtime-blog", NOW.plusSeconds(900));
        String foreign = token(SECRET, "someone-else", NOW.plusSeconds(900));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> counting.decode(forged)).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> counting.decode(foreign)).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(6);
        assertThat(counting.remembered()).isZero();
    }

    @Test
    void theMemoryIsBounded() {
        AtomicInteger verifications = new AtomicInteger();
        RememberingJwtDecoder counting = countingDecoder(verifications);
        for (int i = 0; i <= RememberingJwtDecoder.MAX_TOKENS; i++) {
            counting.decode(token(SECRET, "realtime-blog", NOW.plusSeconds(900)));
        }
        assertThat(counting.remembered()).isLessThanOrEqualTo(RememberingJwtDecoder.MAX_TOKENS);
    }

    private RememberingJwtDecoder countingDecoder(AtomicInteger verifications) {
        RememberingJwtDecoder inner = (RememberingJwtDecoder) decoder;
        return new RememberingJwtDecoder(token -> {
            verifications.incrementAndGet();
            return inner.decode(token);
        }, jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
    }

    private static String token(byte[] secret, String issuer, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(issuer)
                .issueTime(Date.from(expiresAt.minusSeconds(900))).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
