package io.realtimeblog.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "password1234", "            ", "\t\t\t\t\t\t\t\t\t\t\t\t", "Password1234!",
            "P@ssw0rd!2026", "passwordpassword", "qwertyuiop12", "123456789012", "abcdefghijkl", "121212121212",
            "iloveyou2026", "letmein12345", "Welcome!2026", "short-one"})
    void guessableOrShortPasswordsAreRefused(String password) {
        assertThat(policy.problemWith(password)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-password-for-tests", "e2e-admin-password", "a-good-test-password",
            "a-password-for-e2e", "bench-admin-password", "crash-test-password", "scale-out-test-password",
            "correct horse battery staple", "Zq8-vT1!mw0p", "  spaces  around a real one  "})
    void passwordsThatAreNeitherShortNorCommonAreAccepted(String password) {
        assertThat(policy.problemWith(password)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 24, 72})
    void generatedPasswordsAlwaysPass(int ignored) {
        assertThat(policy.problemWith(Passwords.generate())).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotBytesAndTheByteLimitStillHolds() {
        assertThat(policy.problemWith("ééééé-çàüöñ")).as("11 characters").isPresent();
        assertThat(policy.problemWith("ééééé-çàüöñß")).as("12 characters, 23 bytes").isEmpty();
        assertThat(policy.problemWith("é".repeat(37))).as("74 bytes").isPresent();
    }
}
