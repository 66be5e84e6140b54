package io.realtimeblog.users;

import java.util.function.Supplier;

/**
 * The credentials of the administrator created on first start: from {@link AdminProperties}, or
 * {@code admin@localhost} with a generated password.
 *
 * @param generated whether the password was generated here (and so must be shown once to the operator)
 */
record FirstAdmin(String email, String password, boolean generated) {

    static final String DEFAULT_EMAIL = "admin@localhost";

    static FirstAdmin from(AdminProperties properties, Supplier<String> passwordGenerator) {
        String email = properties.emailOrDefault();
        if (properties.password() != null) {
            return new FirstAdmin(email, properties.password(), false);
        }
        return new FirstAdmin(email, passwordGenerator.get(), true);
    }

    String announcement(int port) {
        return "First start: log in at http://localhost:" + port + "/ with email " + email + " password "
                + password + " (shown only this once; set BLOG_ADMIN_EMAIL and BLOG_ADMIN_PASSWORD to choose them)";
    }

    @Override
    public String toString() {
        return "FirstAdmin[email=" + email + ", generated=" + generated + "]";
    }
}
