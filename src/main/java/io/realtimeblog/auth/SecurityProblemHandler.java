package io.realtimeblog.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import io.realtimeblog.web.ProblemTypes;
import io.realtimeblog.web.ProblemWriter;

/**
 * Answers requests the security layer refuses with problem+json: 401 {@code /problems/unauthorized} when the
 * caller is not (or no longer) authenticated, 403 {@code /problems/forbidden} when their role is not enough, 403
 * {@code /problems/password-change-required} when they must change a one-time password first. Details never reveal why a token was rejected.
 */
@Component
class SecurityProblemHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    SecurityProblemHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean badToken = exception instanceof InvalidBearerTokenException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthorized",
                "Unauthorized", badToken ? "The access token is invalid or expired, or the account is disabled."
                        : "Authentication is required: send an access token as 'Authorization: Bearer <token>'."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        if (PasswordChangeGate.mustChangePassword(SecurityContextHolder.getContext().getAuthentication())) {
            problems.write(request, response, ProblemTypes.problem(HttpStatus.FORBIDDEN, "password-change-required",
                    "Password change required", "An administrator reset your password: choose a new one first "
                            + "(POST /api/users/me/password)."));
            return;
        }
        problems.write(request, response, ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this."));
    }
}
