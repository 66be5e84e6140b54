package io.realtimeblog.users;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff accounts ({@code blog.users.*}).
 *
 * @param bcryptStrength bcrypt's log2 work factor for new password hashes (10, as Spring Security's default);
 *                       tests lower it to 4 because they create hundreds of accounts
 */
@Validated
@ConfigurationProperties("blog.users")
record UsersProperties(@DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {
}
