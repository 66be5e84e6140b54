package io.realtimeblog.auth;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.web.ProblemTypes;

/** The ways a login, refresh or logout can be refused; each becomes a problem+json response. */
final class AuthProblems {

    private AuthProblems() {
    }

    static ErrorResponseException badCredentials() {
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, ProblemTypes.problem(HttpStatus.UNAUTHORIZED,
                "bad-credentials", "Bad credentials", "The e-mail address or password is wrong."), null);
    }

    static ErrorResponseException tooManyAttempts(Duration retryAfter) {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                        "Too many login attempts", "Too many failed logins; try again in "
                                + retryAfter.toSeconds() + " seconds."), null);
        ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return ex;
    }

    static ErrorResponseException tooManyPasswordAttempts(Duration retryAfter) {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-password-attempts",
                        "Too many wrong passwords", "Too many wrong passwords for this account; try again in "
                                + retryAfter.toSeconds() + " seconds."), null);
        ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        return ex;
    }

    static ErrorResponseException invalidRefreshToken() {
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, ProblemTypes.problem(HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired or revoked; log in again."), null);
    }

    static ErrorResponseException refreshTokenReused() {
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED, ProblemTypes.problem(HttpStatus.UNAUTHORIZED,
                "refresh-token-reused", "Refresh token reused",
                "This refresh token was already used, so it may have been stolen; every session that came from "
                        + "the same login has been ended. Log in again."), null);
    }

    static ErrorResponseException crossSiteRequest() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemTypes.problem(HttpStatus.FORBIDDEN,
                "cross-site-request", "Cross-site request refused",
                "Refresh and logout need a same-origin signal: send the header '" + SameOriginSignal.HEADER
                        + "' (any value) or make the request from this site's own pages."), null);
    }
}
