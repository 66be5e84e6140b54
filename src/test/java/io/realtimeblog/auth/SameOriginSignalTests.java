package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.users.Role;

/**
 * Refresh and logout with the refresh cookie, as a browser sends them: refused without a same-origin signal (a
 * cross-site form, another site's script), and the refusal spends, revokes and clears nothing.
 */
@IntegrationTest
class SameOriginSignalTests extends AbstractIntegrationTest {

    String refreshToken;

    @BeforeEach
    void setUp() {
        TestAccounts.Staff author = accounts.create(Role.AUTHOR);
        refreshToken = accounts.login(author.email(), author.password()).path("refreshToken").asString();
    }

    @Test
    void refreshWithTheCookieAloneIsRefusedAndTheTokenIsNotSpent() throws Exception {
        expectRefused(mvc.perform(withCookie(post("/api/auth/refresh"))));

        mvc.perform(withCookie(post("/api/auth/refresh")).header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isOk());
    }

    @Test
    void refreshFromAnotherSitesPageIsRefused() throws Exception {
        expectRefused(mvc.perform(withCookie(post("/api/auth/refresh"))
                .header(HttpHeaders.ORIGIN, "https://evil.example")));

        mvc.perform(withCookie(post("/api/auth/refresh")).header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isOk());
    }

    @Test
    void logoutFromAnotherSitesPageIsRefusedAndTheSessionGoesOn() throws Exception {
        expectRefused(mvc.perform(withCookie(post("/api/auth/logout"))
                .header(HttpHeaders.ORIGIN, "https://evil.example")));
        expectRefused(mvc.perform(post("/api/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + refreshToken + "\"}")));

        mvc.perform(withCookie(post("/api/auth/refresh")).header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isOk());
    }

    @Test
    void anOriginHeaderNamingThisServerIsASignalOfItsOwn() throws Exception {
        mvc.perform(withCookie(post("/api/auth/refresh")).header(HttpHeaders.ORIGIN, "http://localhost"))
                .andExpect(status().isOk());
    }

    @Test
    void theCustomHeaderIsASignalEvenFromTheAdminsDevelopmentServer() throws Exception {
        mvc.perform(withCookie(post("/api/auth/logout")).header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isNoContent());

        mvc.perform(withCookie(post("/api/auth/refresh")).header(SameOriginSignal.HEADER, "fetch"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/invalid-refresh-token"));
    }

    private MockHttpServletRequestBuilder withCookie(MockHttpServletRequestBuilder request) {
        return request.cookie(new Cookie(RefreshCookie.NAME, refreshToken));
    }

    private static void expectRefused(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/cross-site-request"))
                .andExpect(jsonPath("$.accessToken").doesNotExist())
                .andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
        assertThat(result.andReturn().getResponse().getHeaders(HttpHeaders.SET_COOKIE)).isEmpty();
    }
}
