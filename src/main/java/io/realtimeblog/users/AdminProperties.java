package io.realtimeblog.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator ({@code blog.admin.*}, env {@code BLOG_ADMIN_EMAIL}, {@code BLOG_ADMIN_PASSWORD}).
 * Used once, when the database has no user at all.
 *
 * @param email    the administrator's e-mail address; {@code admin@localhost} when unset
 * @param password the administrator's password; when unset a random one is generated and logged once
 */
@Validated
@ConfigurationProperties("blog.admin")
record AdminProperties(
        @Email @Size(max = 320) String email,
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES) String password) {

    AdminProperties {
        // an empty environment variable means "not set"
        email = email == null || email.isBlank() ? null : email.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=" + (password == null ? "<unset>" : "<set>") + "]";
    }
}
