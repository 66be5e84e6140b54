package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** Sessions end when they should: at logout, when the account is disabled, and when the access token expires. */
@IntegrationTest
class SessionEndTests extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RevokedAccessTokenRepository revoked;

    @Autowired
    AccessTokenDenyList denyList;

    Staff editor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void logoutWithTheRefreshCookieAloneRevokesTheAccessTokenOfThatSessionAtOnce() throws Exception {
        JsonNode session = accounts.login(editor.email(), editor.password());
        JsonNode otherSession = accounts.login(editor.email(), editor.password());
        String access = session.path("accessToken").asString();
        me(access).andExpect(status().isOk());

        mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "test").cookie(new jakarta.servlet.http.Cookie(RefreshCookie.NAME,
                session.path("refreshToken").asString()))).andExpect(status().isNoContent());

        me(access).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        me(otherSession.path("accessToken").asString()).andExpect(status().isOk());
        refresh(session.path("refreshToken").asString()).andExpect(status().isUnauthorized());
    }

    @Test
    void logoutWithTheAccessTokenAloneRevokesItAndEndsItsSession() throws Exception {
        JsonNode session = accounts.login(editor.email(), editor.password());
        String access = session.path("accessToken").asString();

        mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "test").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(access)))
                .andExpect(status().isNoContent());

        me(access).andExpect(status().isUnauthorized());
        refresh(session.path("refreshToken").asString()).andExpect(status().isUnauthorized());
    }

    @Test
    void aLogoutWithAnUnknownRefreshTokenChangesNothing() throws Exception {
        long rowsBefore = revoked.count();

        mvc.perform(post("/api/auth/logout").header(SameOriginSignal.HEADER, "test").contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\": \"not-one-of-ours\"}")).andExpect(status().isNoContent());

        assertThat(revoked.count()).isEqualTo(rowsBefore);
        me(editor.token()).andExpect(status().isOk());
    }

    @Test
    void aDisabledAndReEnabledUserDoesNotGetTheirOldTokensBack() throws Exception {
        JsonNode before = accounts.login(editor.email(), editor.password());

        changeUser(editor, "{\"enabled\": false}");
        changeUser(editor, "{\"enabled\": true}");

        me(editor.token()).andExpect(status().isUnauthorized());
        me(before.path("accessToken").asString()).andExpect(status().isUnauthorized());
        refresh(before.path("refreshToken").asString()).andExpect(status().isUnauthorized());
        String fresh = accounts.login(editor.email(), editor.password()).path("accessToken").asString();
        me(fresh).andExpect(status().isOk());
    }

    @Test
    void aTokenExpiredLongerAgoThanTheClockSkewIsRefused() throws Exception {
        String expiredTenSecondsAgo = TestTokens.signed(context, editor.id(), "EDITOR",
                Instant.now().minusSeconds(10));

        me(expiredTenSecondsAgo).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() throws Exception {
        String expiredJustNow = TestTokens.signed(context, editor.id(), "EDITOR", Instant.now().minusMillis(500));

        me(expiredJustNow).andExpect(status().isOk());
    }

    @Test
    void expiredDenyListRowsArePurgedAndTheOthersKept() {
        String gone = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        denyList.revoke(gone, Instant.now().minusSeconds(1));
        denyList.revoke(kept, Instant.now().plusSeconds(600));

        denyList.purgeExpired();

        assertThat(revoked.existsById(gone)).isFalse();
        assertThat(revoked.existsById(kept)).isTrue();
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)));
    }

    private ResultActions refresh(String refreshToken) throws Exception {
        return mvc.perform(post("/api/auth/refresh").header(SameOriginSignal.HEADER, "test").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("refreshToken", refreshToken))));
    }

    private void changeUser(Staff who, String body) throws Exception {
        mvc.perform(patch("/api/users/" + who.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken())))
                .andExpect(status().isOk());
    }
}
