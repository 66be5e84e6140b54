package io.realtimeblog.doctor;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the {@code doctor} command ({@code blog.doctor.*}); its options {@code --url}, {@code --email},
 * {@code --password} and {@code --timeout} are shorthands for these.
 *
 * @param url the running instance for the round trip; {@code null} means {@code http://localhost:<server.port>}
 * @param email the staff account that logs in for the round trip; {@code null} means {@code blog.admin.email}
 * @param password its password; {@code null} means {@code blog.admin.password}
 * @param timeout how long each check may take before it counts as failed
 */
@Validated
@ConfigurationProperties("blog.doctor")
record DoctorProperties(URI url, String email, String password, @DefaultValue("10s") @NotNull Duration timeout) {

    DoctorProperties {
        email = email == null || email.isBlank() ? null : email.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    @Override
    public String toString() {
        return "DoctorProperties[url=" + url + ", email=" + email + ", password="
                + (password == null ? "<unset>" : "<set>") + ", timeout=" + timeout + "]";
    }
}
