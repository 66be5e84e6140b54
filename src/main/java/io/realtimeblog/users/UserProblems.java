package io.realtimeblog.users;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.realtimeblog.web.ProblemTypes;

/** The ways a request about staff accounts can be refused; each becomes a problem+json response. */
final class UserProblems {

    private UserProblems() {
    }

    static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemTypes.problem(HttpStatus.NOT_FOUND,
                "user-not-found", "User not found", "There is no user with this id."), null);
    }

    static ErrorResponseException emailTaken() {
        return new ErrorResponseException(HttpStatus.CONFLICT, ProblemTypes.problem(HttpStatus.CONFLICT,
                "email-taken", "E-mail address taken", "Another user already has this e-mail address."), null);
    }

    static ErrorResponseException ownAccount() {
        return new ErrorResponseException(HttpStatus.CONFLICT, ProblemTypes.problem(HttpStatus.CONFLICT,
                "cannot-change-own-account", "Cannot change own account",
                "Administrators cannot disable or demote themselves; ask another administrator."), null);
    }

    static ErrorResponseException passwordTooLong() {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST,
                "password-too-long", "Password too long",
                "A password may be at most " + Passwords.MAX_BYTES + " bytes long in UTF-8."), null);
    }

    /** 400 with an {@code errors} list like a validation problem, naming the field that holds the password. */
    static ErrorResponseException weakPassword(String field, String reason) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "weak-password", "Weak password",
                "The password " + reason + ".");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", reason)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException wrongCurrentPassword() {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "wrong-current-password",
                "Wrong current password", "The current password is not right; the password was not changed.");
        problem.setProperty("errors", List.of(Map.of("field", "currentPassword", "message", "is not right")));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException ownPasswordReset() {
        return new ErrorResponseException(HttpStatus.CONFLICT, ProblemTypes.problem(HttpStatus.CONFLICT,
                "cannot-reset-own-password", "Cannot reset own password",
                "Administrators change their own password with their current one (POST /api/users/me/password)."),
                null);
    }
}
