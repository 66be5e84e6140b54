package io.realtimeblog.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import tools.jackson.databind.JsonNode;

/** The password policy at creation, changing one's own password, and an administrator's one-time reset. */
@IntegrationTest
class PasswordApiTests extends AbstractIntegrationTest {

    static final String NEW_PASSWORD = "a-brand-new-password-for-tests";

    @Autowired
    UserRepository users;

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "password1234", "            "})
    void aWeakPasswordIsRefusedAtCreationAndNoUserIsCreated(String password) throws Exception {
        String email = TestAccounts.uniqueEmail("weak");
        long before = users.count();

        mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken()))
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("email", email,
                                "displayName", "Weak", "password", password, "role", "AUTHOR"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/weak-password"))
                .andExpect(jsonPath("$.errors[0].field").value("password"));

        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByEmail(email)).isEmpty();
    }

    @Test
    void aUserChangesTheirPasswordAndTheirOtherSessionsEnd() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        JsonNode other = accounts.login(author.email(), author.password());

        changeOwn(author.token(), author.password(), NEW_PASSWORD).andExpect(status().isNoContent());

        me(author.token()).andExpect(status().isOk());
        me(other.path("accessToken").asString()).andExpect(status().isUnauthorized());
        refresh(other.path("refreshToken").asString()).andExpect(status().isUnauthorized());
        login(author.email(), author.password()).andExpect(status().isUnauthorized());
        login(author.email(), NEW_PASSWORD).andExpect(status().isOk());
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        JsonNode other = accounts.login(author.email(), author.password());
        String hashBefore = users.findById(author.id()).orElseThrow().getPasswordHash();

        changeOwn(author.token(), "not-the-current-password", NEW_PASSWORD)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/wrong-current-password"));

        assertThat(users.findById(author.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
        me(other.path("accessToken").asString()).andExpect(status().isOk());
        login(author.email(), author.password()).andExpect(status().isOk());
    }

    @Test
    void guessingTheCurrentPasswordCountsLikeFailedLoginsAndIsRefusedWithoutChangingIt() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        String hashBefore = users.findById(author.id()).orElseThrow().getPasswordHash();
        String guesser = "203.0.113.7";

        for (int i = 0; i < 5; i++) {
            changeOwn(author.token(), "guess-number-" + i, NEW_PASSWORD, guesser)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/wrong-current-password"));
        }
        // the limit of failed logins per account and client (5): even the right password is not tried now
        changeOwn(author.token(), author.password(), NEW_PASSWORD, guesser)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/too-many-password-attempts"))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        assertThat(users.findById(author.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);

        // one limit for both doors: the same client may not log in to that account either; others may
        mvc.perform(post("/api/auth/login").with(from(guesser)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", author.email(), "password", author.password()))))
                .andExpect(status().isTooManyRequests());
        login(author.email(), author.password()).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "            ", "short", TestAccounts.PASSWORD})
    void aWeakOrUnchangedNewPasswordChangesNothing(String newPassword) throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        JsonNode other = accounts.login(author.email(), author.password());
        String hashBefore = users.findById(author.id()).orElseThrow().getPasswordHash();

        changeOwn(author.token(), author.password(), newPassword)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/weak-password"))
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"));

        assertThat(users.findById(author.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
        me(other.path("accessToken").asString()).andExpect(status().isOk());
    }

    @Test
    void aMalformedChangeRequestIsAClientErrorAndChangesNothing() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        String hashBefore = users.findById(author.id()).orElseThrow().getPasswordHash();

        for (String body : new String[] {"{}", "{\"currentPassword\": 12}", "[]", "{\"newPassword\": \"x\"}"}) {
            mvc.perform(post("/api/users/me/password").header(HttpHeaders.AUTHORIZATION, author.bearer())
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(users.findById(author.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
    }

    @Test
    void anAdminResetSetsAOneTimePasswordThatMustBeChangedBeforeAnythingElse() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);

        JsonNode reset = json.readTree(reset(accounts.adminToken(), editor)
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
                .andExpect(jsonPath("$.user.passwordChangeRequired").value(true))
                .andReturn().getResponse().getContentAsString());
        String temporary = reset.path("temporaryPassword").asString();

        me(editor.token()).andExpect(status().isUnauthorized());
        login(editor.email(), editor.password()).andExpect(status().isUnauthorized());
        JsonNode session = json.readTree(login(editor.email(), temporary).andExpect(status().isOk())
                .andExpect(jsonPath("$.user.passwordChangeRequired").value(true))
                .andReturn().getResponse().getContentAsString());
        String token = session.path("accessToken").asString();
        me(token).andExpect(status().isOk()).andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/posts").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/password-change-required"));
        mvc.perform(post("/api/posts").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Not yet\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/password-change-required"));

        changeOwn(token, temporary, NEW_PASSWORD).andExpect(status().isNoContent());

        me(token).andExpect(status().isOk()).andExpect(jsonPath("$.passwordChangeRequired").value(false));
        mvc.perform(get("/api/posts").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)))
                .andExpect(status().isOk());
        login(editor.email(), temporary).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAnAdminMayResetAPasswordAndARefusedResetChangesNothing() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        Staff target = accounts.create(Role.AUTHOR);
        String hashBefore = users.findById(target.id()).orElseThrow().getPasswordHash();

        reset(editor.token(), target).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));

        assertThat(users.findById(target.id()).orElseThrow().getPasswordHash()).isEqualTo(hashBefore);
        me(target.token()).andExpect(status().isOk()).andExpect(jsonPath("$.passwordChangeRequired").value(false));
    }

    @Test
    void anAdminCannotResetTheirOwnPasswordNorAnUnknownUsers() throws Exception {
        String admin = accounts.adminToken();
        String adminId = json.readTree(me(admin).andReturn().getResponse().getContentAsString()).path("id").asString();
        String hashBefore = users.findById(UUID.fromString(adminId)).orElseThrow().getPasswordHash();

        mvc.perform(post("/api/users/" + adminId + "/password-reset")
                        .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(admin)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/cannot-reset-own-password"));
        mvc.perform(post("/api/users/" + UUID.randomUUID() + "/password-reset")
                        .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(admin)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/user-not-found"));

        assertThat(users.findById(UUID.fromString(adminId)).orElseThrow().getPasswordHash())
                .isEqualTo(hashBefore);
        me(admin).andExpect(status().isOk());
    }

    private ResultActions changeOwn(String token, String current, String next) throws Exception {
        return changeOwn(token, current, next, "127.0.0.1");
    }

    private ResultActions changeOwn(String token, String current, String next, String client) throws Exception {
        return mvc.perform(post("/api/users/me/password").with(from(client))
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("currentPassword", current, "newPassword", next))));
    }

    private static RequestPostProcessor from(String clientAddress) {
        return request -> {
            request.setRemoteAddr(clientAddress);
            return request;
        };
    }

    private ResultActions reset(String token, Staff who) throws Exception {
        return mvc.perform(post("/api/users/" + who.id() + "/password-reset")
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)));
    }

    private ResultActions me(String token) throws Exception {
        return mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)));
    }

    private ResultActions login(String email, String password) throws Exception {
        return mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password))));
    }

    private ResultActions refresh(String refreshToken) throws Exception {
        return mvc.perform(post("/api/auth/refresh").header("X-Requested-With", "test").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("refreshToken", refreshToken))));
    }
}
