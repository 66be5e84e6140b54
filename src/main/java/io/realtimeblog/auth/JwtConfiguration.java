package io.realtimeblog.auth;

import java.time.Clock;
import java.util.Objects;

import javax.crypto.SecretKey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.realtimeblog.datafolder.DataFolderProperties;

/**
 * Access tokens are JWTs signed with HS256 by a key only this application knows. The decoder accepts HS256 and
 * nothing else (no {@code none}, no other algorithm), and requires our issuer, a subject and an unexpired
 * {@code exp} (give or take {@code blog.auth.clock-skew}). Whether a well-formed token may still be used (revoked,
 * user disabled) is decided afterwards by {@link AccessTokenChecks}. A token that passed once is remembered by its
 * text ({@link RememberingJwtDecoder}); its claims are validated again on every use.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    static final MacAlgorithm ALGORITHM = MacAlgorithm.HS256;

    @Bean
    AccessTokenKey accessTokenKey(AuthProperties properties, DataFolderProperties dataFolder) {
        return new AccessTokenKey(JwtSecrets.resolve(properties.jwtSecret(), dataFolder.dataDir()));
    }

    @Bean
    JwtEncoder jwtEncoder(AccessTokenKey key) {
        // a fixed key id: the default would be a thumbprint, i.e. a hash of the secret, in every token header
        return NimbusJwtEncoder.withSecretKey(key.secret()).algorithm(ALGORITHM)
                .jwkPostProcessor(jwk -> jwk.keyID("blog-hs256")).build();
    }

    @Bean
    JwtDecoder jwtDecoder(AccessTokenKey key, AuthProperties properties) {
        return decoder(key, properties, Clock.systemUTC());
    }

    static JwtDecoder decoder(AccessTokenKey key, AuthProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                // the library's default tolerance is 60 s, which kept expired tokens working for a minute
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, Objects::nonNull));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key.secret()).macAlgorithm(ALGORITHM).build();
        decoder.setJwtValidator(validator);
        return new RememberingJwtDecoder(decoder, validator);
    }

    /** The HMAC key, wrapped so that it is never injected by accident where some other key is wanted. */
    record AccessTokenKey(SecretKey secret) {

        @Override
        public String toString() {
            return "AccessTokenKey[HS256]";
        }
    }
}
