package io.realtimeblog.auth;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.realtimeblog.users.Role;

/**
 * Login, token refresh and logout. The refresh token travels in the JSON body (non-browser clients) and in an
 * HttpOnly cookie (browsers); refresh and logout accept either, the body first, and both require a same-origin
 * signal ({@link SameOriginSignal}) before they look at the token.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthService auth;
    private final RefreshCookie cookie;

    AuthController(AuthService auth, RefreshCookie cookie) {
        this.auth = auth;
        this.cookie = cookie;
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return respond(auth.login(request.email(), request.password(), http.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = RefreshCookie.NAME, required = false) String fromCookie, HttpServletRequest http) {
        SameOriginSignal.require(http);
        String token = chooseToken(request, fromCookie);
        if (token == null) {
            throw AuthProblems.invalidRefreshToken();
        }
        return respond(auth.refresh(token));
    }

    /**
     * Ends the session of the refresh token and, when the request carries one, of the access token: both stop
     * working on every instance, and the sockets opened with them are closed with 4001.
     */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) RefreshRequest request,
            @CookieValue(name = RefreshCookie.NAME, required = false) String fromCookie, HttpServletRequest http,
            Authentication authentication) {
        SameOriginSignal.require(http);
        String token = chooseToken(request, fromCookie);
        Jwt accessToken = authentication instanceof ActorAuthentication actor ? actor.getCredentials() : null;
        if (token != null || accessToken != null) {
            auth.logout(token, accessToken);
        }
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }

    private ResponseEntity<TokenResponse> respond(AuthService.Tokens tokens) {
        TokenResponse body = new TokenResponse(tokens.access().value(), "Bearer", tokens.access().expiresIn(),
                tokens.refresh().value(), tokens.refresh().expiresIn(), new TokenUser(tokens.user().id(),
                        tokens.user().email(), tokens.user().displayName(), tokens.user().role(),
                        tokens.user().passwordChangeRequired()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, cookie.set(tokens.refresh().value(), tokens.refresh().expiresIn()))
                .body(body);
    }

    private static String chooseToken(RefreshRequest request, String fromCookie) {
        if (request != null && request.refreshToken() != null && !request.refreshToken().isBlank()) {
            return request.refreshToken();
        }
        return fromCookie == null || fromCookie.isBlank() || fromCookie.length() > 200 ? null : fromCookie;
    }

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1000) String password) {
    }

    record RefreshRequest(@Size(max = 200) String refreshToken) {
    }

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn, TokenUser user) {
    }

    /** @param passwordChangeRequired the user must change a one-time password before anything else */
    record TokenUser(UUID id, String email, String displayName, Role role, boolean passwordChangeRequired) {
    }
}
