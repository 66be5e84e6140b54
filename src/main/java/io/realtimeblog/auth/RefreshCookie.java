package io.realtimeblog.auth;

import java.time.Duration;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The refresh token as a cookie for browser clients: HttpOnly (scripts cannot read it), SameSite=Strict (no other
 * site can make the browser send it) and sent only to {@code /api/auth}.
 */
@Component
class RefreshCookie {

    static final String NAME = "blog_refresh";
    static final String PATH = "/api/auth";

    private final AuthProperties properties;

    RefreshCookie(AuthProperties properties) {
        this.properties = properties;
    }

    String set(String token, long maxAgeSeconds) {
        return build(token, Duration.ofSeconds(maxAgeSeconds));
    }

    String clear() {
        return build("", Duration.ZERO);
    }

    private String build(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(properties.refreshCookieSecure())
                .sameSite("Strict").path(PATH).maxAge(maxAge).build().toString();
    }
}
