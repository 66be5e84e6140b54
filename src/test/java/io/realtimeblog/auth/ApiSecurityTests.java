package io.realtimeblog.auth;

import static io.realtimeblog.web.ProblemResponses.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.users.Role;

/**
 * The API's security rules (SecurityConfiguration, SameOriginSignal) as a client meets them, with the
 * authentication service mocked: which paths need a token or a role, the problem+json refusals, and the same-origin
 * signal refresh and logout require. A refused request reaches no service. Real tokens against the whole
 * application: SecurityRulesTests, AccessTokenValidationTests, SameOriginSignalTests.
 */
@WebMvcTest(AuthController.class)
@Import(SliceSecurity.class)
class ApiSecurityTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthService auth;

    @MockitoBean
    RefreshCookie cookie;

    @Test
    void anApiPathWithoutATokenIsUnauthorized() throws Exception {
        mvc.perform(get("/api/anything-not-yet-written"))
                .andExpect(problem(401, "unauthorized"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Test
    void aTokenThatDoesNotVerifyIsUnauthorizedAndSaysSo() throws Exception {
        mvc.perform(get("/api/posts").header(HttpHeaders.AUTHORIZATION, "Bearer forged.or.expired"))
                .andExpect(problem(401, "unauthorized"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }

    @Test
    void loginNeedsNoToken() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"\"}"))
                .andExpect(problem(400, "validation"));
        verifyNoInteractions(auth);
    }

    @Test
    void refreshWithoutASameOriginSignalIsRefusedAndSpendsNothing() throws Exception {
        mvc.perform(post("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\": \"a-refresh-token\"}"))
                .andExpect(problem(403, "cross-site-request"));
        verifyNoInteractions(auth);
    }

    @Test
    void refreshFromAnotherOriginIsRefused() throws Exception {
        mvc.perform(post("/api/auth/refresh").header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).content("{\"refreshToken\": \"a-refresh-token\"}"))
                .andExpect(problem(403, "cross-site-request"));
        verifyNoInteractions(auth);
    }

    @Test
    void theHeaderOrTheServersOwnOriginPassesTheSignalCheck() throws Exception {
        // No refresh token: past the signal check, refresh answers that the token is missing.
        mvc.perform(post("/api/auth/refresh").header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(problem(401, "invalid-refresh-token"));
        mvc.perform(post("/api/auth/refresh").header(HttpHeaders.ORIGIN, "http://localhost"))
                .andExpect(problem(401, "invalid-refresh-token"));
    }

    @Test
    void logoutWithoutASameOriginSignalIsRefusedAndEndsNothing() throws Exception {
        mvc.perform(post("/api/auth/logout").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.EDITOR)))
                .andExpect(problem(403, "cross-site-request"));
        verifyNoInteractions(auth);
    }

    @Test
    void logoutWithTheSignalGetsPastTheCheckAndClearsTheCookie() throws Exception {
        when(cookie.clear()).thenReturn("refresh_token=; Max-Age=0");

        mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isNoContent())
                .andExpect(header().string(HttpHeaders.SET_COOKIE, startsWith("refresh_token=; Max-Age=0")));
    }

    @Test
    void theActuatorNeedsAnAdministrator() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(problem(401, "unauthorized"));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.EDITOR)))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void whoMustChangeTheirPasswordMayUseNothingElseOfTheApi() throws Exception {
        mvc.perform(get("/api/posts").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearerMustChangePassword(Role.ADMIN)))
                .andExpect(problem(403, "password-change-required"));
    }

    @Test
    void pathsOutsideTheApiNeedNoToken() throws Exception {
        mvc.perform(get("/some/public/page")).andExpect(status().isNotFound());
    }
}
