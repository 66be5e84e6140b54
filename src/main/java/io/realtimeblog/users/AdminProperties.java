package io.realtimeblog.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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
public record AdminProperties(
        @Email @Size(max = 320) String email,
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_BYTES) String password) {

    public AdminProperties {
        // an empty environment variable means "not set"
        email = email == null || email.isBlank() ? null : email.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    /** The same settings read without the application's beans (the {@code doctor} command logs in with them). */
    public static AdminProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate("blog.admin", AdminProperties.class);
    }

    /** The administrator's e-mail address, {@code admin@localhost} when unset. */
    public String emailOrDefault() {
        return email == null ? FirstAdmin.DEFAULT_EMAIL : email;
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=" + (password == null ? "<unset>" : "<set>") + "]";
    }
}
