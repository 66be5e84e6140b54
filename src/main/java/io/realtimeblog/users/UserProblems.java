package io.realtimeblog.users;

import org.springframework.http.HttpStatus;
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
}
