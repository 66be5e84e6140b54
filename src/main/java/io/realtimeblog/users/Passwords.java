package io.realtimeblog.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Spring Security's delegating encoder (bcrypt today, upgradable later because
 * every hash names its algorithm, {@code {bcrypt}...}). Bcrypt reads at most 72 bytes, so longer passwords are refused, not truncated.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder;

    /** Checked when an account does not exist, so that a missing account takes as long as a wrong password. */
    private final String decoyHash;

    Passwords(UsersProperties properties) {
        this.encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.bcryptStrength())));
        this.decoyHash = encoder.encode(generate());
    }

    String hash(String rawPassword) {
        if (!fits(rawPassword)) {
            throw UserProblems.passwordTooLong();
        }
        return encoder.encode(rawPassword);
    }

    boolean matches(String rawPassword, String hash) {
        if (rawPassword == null || !fits(rawPassword)) {
            return false;
        }
        try {
            return encoder.matches(rawPassword, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void spendTimeAsIfChecking(String rawPassword) {
        matches(rawPassword, decoyHash);
    }

    static boolean fits(String rawPassword) {
        return rawPassword.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** A random password of 24 URL-safe characters (144 bits). */
    static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
