package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RefreshTokenTests extends AbstractIntegrationTest {

    Staff author;

    @BeforeEach
    void setUp() {
        author = accounts.create(Role.AUTHOR);
    }

    @Test
    void refreshRotatesTheTokenAndReturnsTheLoginShape() throws Exception {
        String first = loginRefreshToken();

        JsonNode rotated = body(refresh(first).andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").isNumber())
                .andExpect(jsonPath("$.refreshExpiresIn").isNumber())
                .andExpect(jsonPath("$.user.id").value(author.id().toString()))
                .andExpect(jsonPath("$.user.role").value("AUTHOR")));

        String second = rotated.path("refreshToken").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION,
                TestAccounts.bearer(rotated.path("accessToken").asString()))).andExpect(status().isOk());
        refresh(second).andExpect(status().isOk());
    }

    @Test
    void refreshAcceptsTheTokenFromTheCookieAndSetsTheNextOne() throws Exception {
        String first = loginRefreshToken();

        MvcResult result = mvc.perform(post("/api/auth/refresh").header(SameOriginSignal.HEADER, "test")
                        .cookie(new Cookie(RefreshCookie.NAME, first)))
                .andExpect(status().isOk()).andReturn();

        String next = body(result).path("refreshToken").asString();
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .startsWith(RefreshCookie.NAME + "=" + next).contains("HttpOnly", "SameSite=Strict");
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() throws Exception {
        String first = loginRefreshToken();
        String second = body(refresh(first).andExpect(status().isOk())).path("refreshToken").asString();
        String third = body(refresh(second).andExpect(status().isOk())).path("refreshToken").asString();

        refresh(first).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/refresh-token-reused"));

        expectInvalid(refresh(third));
    }

    @Test
    void reusingARotatedTokenAlsoEndsTheAccessTokensOfThatSessionButNoOther() throws Exception {
        JsonNode session = accounts.login(author.email(), author.password());
        JsonNode otherDevice = accounts.login(author.email(), author.password());
        String first = session.path("refreshToken").asString();
        JsonNode rotated = body(refresh(first).andExpect(status().isOk()));
        me(rotated.path("accessToken").asString()).andExpect(status().isOk());

        refresh(first).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/refresh-token-reused"));

        me(session.path("accessToken").asString()).andExpect(status().isUnauthorized());
        me(rotated.path("accessToken").asString()).andExpect(status().isUnauthorized());
        me(otherDevice.path("accessToken").asString()).andExpect(status().isOk());
    }

    @Test
    void aLoginStartsAFamilyOfItsOwnThatReuseElsewhereDoesNotEnd() throws Exception {
        String stolen = loginRefreshToken();
        String otherDevice = loginRefreshToken();
        refresh(stolen).andExpect(status().isOk());

        refresh(stolen).andExpect(status().isUnauthorized());

        refresh(otherDevice).andExpect(status().isOk());
    }

    @Test
    void concurrentRefreshesWithTheSameTokenLetExactlyOneThrough() throws Exception {
        String token = loginRefreshToken();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            Callable<Integer> attempt = () -> refresh(token).andReturn().getResponse().getStatus();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(attempt));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 401).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logoutRevokesTheFamilyAndClearsTheCookie() throws Exception {
        String first = loginRefreshToken();
        String second = body(refresh(first).andExpect(status().isOk())).path("refreshToken").asString();

        MvcResult result = mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "test")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("refreshToken", second)))).andExpect(status().isNoContent()).andReturn();

        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .startsWith(RefreshCookie.NAME + "=;").contains("Max-Age=0", "Path=/api/auth");
        expectInvalid(refresh(second));
    }

    @Test
    void logoutWithTheCookieRevokes() throws Exception {
        String token = loginRefreshToken();

        mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "test")
                        .cookie(new Cookie(RefreshCookie.NAME, token)))
                .andExpect(status().isNoContent());

        expectInvalid(refresh(token));
    }

    @Test
    void disablingAUserRevokesTheirRefreshTokens() throws Exception {
        String token = loginRefreshToken();

        mvc.perform(patch("/api/users/" + author.id())
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}")).andExpect(status().isOk());

        expectInvalid(refresh(token));
    }

    @Test
    void unknownOrMissingRefreshTokenIsUnauthorized() throws Exception {
        expectInvalid(refresh("bm90LWEtcmVhbC10b2tlbg"));
        expectInvalid(mvc.perform(post("/api/auth/refresh").header(SameOriginSignal.HEADER, "test")));
    }

    private ResultActions me(String accessToken) throws Exception {
        return mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accessToken)));
    }

    private String loginRefreshToken() {
        return accounts.login(author.email(), author.password()).path("refreshToken").asString();
    }

    private ResultActions refresh(String token) throws Exception {
        return mvc.perform(post("/api/auth/refresh").header(SameOriginSignal.HEADER, "test")
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("refreshToken", token))));
    }

    private static void expectInvalid(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-refresh-token"));
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return body(result.andReturn());
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
