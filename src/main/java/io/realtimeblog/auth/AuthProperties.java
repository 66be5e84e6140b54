package io.realtimeblog.auth;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication settings ({@code blog.auth.*}).
 *
 * @param jwtSecret             base64 HMAC key for access tokens, at least 256 bits (env
 *                              {@code BLOG_AUTH_JWT_SECRET}); when unset one is generated on first start and kept in
 *                              {@code <blog.data-dir>/secrets/jwt-secret}. Instances that share a database must share
 *                              this secret.
 * @param issuer                the {@code iss} claim written into and required of access tokens
 * @param accessTokenTtl        lifetime of an access token
 * @param refreshTokenTtl       lifetime of a refresh token (each refresh issues a new one)
 * @param refreshCookieSecure   whether the refresh cookie carries {@code Secure} (browsers accept it on
 *                              {@code http://localhost}; turn off only for plain-HTTP hosts other than localhost)
 * @param maxFailuresPerAccountAndClient failed logins for one e-mail address from one client address within the
 *                              window before that client may not try that account (other clients still may)
 * @param maxFailuresPerClient  failed logins from one client address, for any account, within the window before
 *                              that client's logins are refused
 * @param failureWindow         how long a failed login counts
 * @param accountSlowdownAfter  failed logins for one e-mail address, from any client, within the window before
 *                              each further attempt must wait (1 s after the last failure, doubling per failure)
 * @param accountSlowdownMaxDelay the longest of those waits
 * @param clockSkew             how far the clocks of the instances may disagree: an access token is accepted up to
 *                              this long after its {@code exp} (at most 5 s)
 * @param revocationRefreshInterval how often each instance reloads the access-token deny list from the database:
 *                              a token revoked on one instance (logout, password change) is refused by every other
 *                              instance within this interval; the instance that revoked it refuses it at once
 */
@Validated
@ConfigurationProperties("blog.auth")
record AuthProperties(
        String jwtSecret,
        @DefaultValue("realtime-blog") @NotBlank String issuer,
        @DefaultValue("15m") @DurationMin(seconds = 10) @DurationMax(days = 1) Duration accessTokenTtl,
        @DefaultValue("14d") @DurationMin(minutes = 1) @DurationMax(days = 366) Duration refreshTokenTtl,
        @DefaultValue("true") boolean refreshCookieSecure,
        @DefaultValue("5") @Min(1) @Max(1000) int maxFailuresPerAccountAndClient,
        @DefaultValue("20") @Min(1) @Max(100000) int maxFailuresPerClient,
        @DefaultValue("15m") @DurationMin(seconds = 1) @DurationMax(days = 1) Duration failureWindow,
        @DefaultValue("10") @Min(1) @Max(100000) int accountSlowdownAfter,
        @DefaultValue("30s") @DurationMin(seconds = 1) @DurationMax(minutes = 15) Duration accountSlowdownMaxDelay,
        @DefaultValue("5s") @DurationMin(seconds = 0) @DurationMax(seconds = 5) Duration clockSkew,
        @DefaultValue("2s") @DurationMin(millis = 100) @DurationMax(minutes = 1) Duration revocationRefreshInterval) {

    AuthProperties {
        // an empty environment variable means "not set"
        jwtSecret = jwtSecret == null || jwtSecret.isBlank() ? null : jwtSecret.strip();
    }

    @Override
    public String toString() {
        return "AuthProperties[jwtSecret=" + (jwtSecret == null ? "<generated>" : "<set>") + ", issuer=" + issuer
                + ", accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl + "]";
    }
}
