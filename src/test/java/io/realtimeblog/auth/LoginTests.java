package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;

@IntegrationTest
class LoginTests extends AbstractIntegrationTest {

    @Test
    void loginWithTheRightPasswordReturnsTokensTheUserAndAnHttpOnlyCookie() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);

        MvcResult result = mvc.perform(login(editor.email(), editor.password(), "10.1.0.1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(900))
                .andExpect(jsonPath("$.refreshExpiresIn").value(14 * 24 * 3600))
                .andExpect(jsonPath("$.accessToken").isString())
                .andExpect(jsonPath("$.refreshToken").isString())
                .andExpect(jsonPath("$.user.id").value(editor.id().toString()))
                .andExpect(jsonPath("$.user.email").value(editor.email()))
                .andExpect(jsonPath("$.user.displayName").value(editor.name()))
                .andExpect(jsonPath("$.user.role").value("EDITOR"))
                .andExpect(jsonPath("$..passwordHash").isEmpty())
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
                .andReturn();

        String refreshToken = json.readTree(result.getResponse().getContentAsString()).path("refreshToken")
                .asString();
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .startsWith(RefreshCookie.NAME + "=" + refreshToken)
                .contains("Path=/api/auth", "HttpOnly", "SameSite=Strict", "Secure");
    }

    @Test
    void theAccessTokenFromLoginAuthenticatesApiCalls() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, author.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(author.id().toString()))
                .andExpect(jsonPath("$.role").value("AUTHOR"));
    }

    @Test
    void loginIgnoresTheCaseOfTheEmailAddress() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        mvc.perform(login(author.email().toUpperCase(), author.password(), "10.1.0.2"))
                .andExpect(status().isOk());
    }

    @Test
    void wrongPasswordIsRefusedWithBadCredentialsProblem() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        mvc.perform(login(author.email(), "not-the-password", "10.1.0.3"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/bad-credentials"))
                .andExpect(jsonPath("$.accessToken").doesNotExist());
    }

    @Test
    void unknownEmailGetsExactlyTheSameAnswerAsAWrongPassword() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        String wrongPassword = mvc.perform(login(author.email(), "not-the-password", "10.1.0.4"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        String unknownEmail = mvc.perform(login(TestAccounts.uniqueEmail("nobody"), "whatever", "10.1.0.4"))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();

        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void disabledUserCannotLogInEvenWithTheRightPassword() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        mvc.perform(patch("/api/users/" + contributor.id())
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(status().isOk());

        mvc.perform(login(contributor.email(), contributor.password(), "10.1.0.5"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/bad-credentials"));
    }

    @Test
    void bootstrapAdministratorFromTheTestProfileCanLogIn() throws Exception {
        mvc.perform(login(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD, "10.1.0.6"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.role").value("ADMIN"));
    }

    @Test
    void loginWithoutPasswordIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"someone@example.test\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/validation"));
    }

    private MockHttpServletRequestBuilder login(String email, String password, String remoteAddr) {
        return post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("email", email, "password", password)))
                .with(request -> {
                    request.setRemoteAddr(remoteAddr);
                    return request;
                });
    }
}
