package io.realtimeblog.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 characters or more (counted as Unicode code points), at most 72 bytes in UTF-8,
 * not only whitespace, and not guessable. Guessable means: fewer than five different characters
 * ({@code aaaaaaaaaaaa}, {@code 121212121212}), one run up or down the alphabet or the digits
 * ({@code 123456789012}, {@code abcdefghijkl}), or a listed common password once look-alike characters are undone
 * and digits and symbols at either end are taken away ({@code password1234}, {@code P@ssw0rd!2026},
 * {@code qwertyuiop12}). The list, {@code passwords/common-passwords.txt}, ships with the application (offline;
 * no password ever leaves the server).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = Passwords.MIN_LENGTH;
    private static final int MIN_DISTINCT = 5;
    private static final String LIST = "passwords/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why the password is refused, or empty when it may be used. */
    Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (!Passwords.fits(password)) {
            return Optional.of("must be at most " + Passwords.MAX_BYTES + " bytes long in UTF-8");
        }
        if (password.isBlank()) {
            return Optional.of("must not be only whitespace");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MIN_DISTINCT || isRun(lower)) {
            return Optional.of("is too easy to guess: use more different characters, or a few unrelated words");
        }
        if (common.contains(lower.strip()) || common.contains(core(lower))) {
            return Optional.of("is a common password: choose another (a few unrelated words make a good one)");
        }
        return Optional.empty();
    }

    /** Lower case in, look-alikes undone, digits and symbols at the ends removed, a repeated part counted once. */
    static String core(String lower) {
        StringBuilder undone = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            undone.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        String letters = undone.toString();
        // the substitution is only a guess at the ends: "password1234" must keep its digits out of the core
        int start = firstLetter(lower);
        int end = lastLetter(lower);
        String core = start > end ? "" : letters.substring(start, end + 1);
        return onceIfRepeated(core);
    }

    private static int firstLetter(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastLetter(String s) {
        int i = s.length() - 1;
        while (i >= 0 && !Character.isLetter(s.charAt(i))) {
            i--;
        }
        return i;
    }

    private static String onceIfRepeated(String s) {
        for (int unit = 1; unit <= s.length() / 2; unit++) {
            if (s.length() % unit == 0 && s.substring(unit).equals(s.substring(0, s.length() - unit))) {
                return s.substring(0, unit);
            }
        }
        return s;
    }

    /** Each character one up (or each one down) from the one before; digits wrap from 9 to 0. */
    private static boolean isRun(String s) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < s.length(); i++) {
            int step = s.charAt(i) - s.charAt(i - 1);
            boolean digits = Character.isDigit(s.charAt(i)) && Character.isDigit(s.charAt(i - 1));
            up &= step == 1 || digits && step == -9;
            down &= step == -1 || digits && step == 9;
        }
        return up || down;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(words::add);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + LIST, e);
        }
        return Set.copyOf(words);
    }
}
