package io.realtimeblog.users;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;

@IntegrationTest
class UserApiTests extends AbstractIntegrationTest {

    @Test
    void adminCreatesAUserAndGetsItsLocation() throws Exception {
        String email = TestAccounts.uniqueEmail("New.Person");

        String location = mvc.perform(asAdmin(post("/api/users")).content(json(Map.of("email", email,
                "displayName", "New Person", "password", "a-long-enough-password", "role", "AUTHOR"))))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/users/")))
                .andExpect(jsonPath("$.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.displayName").value("New Person"))
                .andExpect(jsonPath("$.role").value("AUTHOR"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn().getResponse().getHeader(HttpHeaders.LOCATION);

        mvc.perform(asAdmin(get("/api/users")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].email", hasItem(email.toLowerCase())))
                .andExpect(jsonPath("$[*].passwordHash").isEmpty())
                .andExpect(content().string(not(containsString("{bcrypt}"))));
        mvc.perform(asAdmin(get(location)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(email.toLowerCase()));
        accounts.login(email, "a-long-enough-password");
    }

    @Test
    void aSecondUserWithTheSameEmailInAnyCaseIsAConflict() throws Exception {
        Staff existing = accounts.create(Role.AUTHOR);

        mvc.perform(asAdmin(post("/api/users")).content(json(Map.of("email", existing.email().toUpperCase(),
                "displayName", "Copy", "password", "a-long-enough-password", "role", "EDITOR"))))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/email-taken"));
    }

    @Test
    void adminChangesARoleAndTheDisplayName() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);

        mvc.perform(asAdmin(patch("/api/users/" + contributor.id()))
                .content("{\"role\": \"EDITOR\", \"displayName\": \"Promoted\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("EDITOR"))
                .andExpect(jsonPath("$.displayName").value("Promoted"))
                .andExpect(jsonPath("$.enabled").value(true));

        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, contributor.bearer()))
                .andExpect(jsonPath("$.role").value("EDITOR"));
    }

    @Test
    void adminDisablesAndReenablesAUser() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);

        mvc.perform(asAdmin(patch("/api/users/" + author.id())).content("{\"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, author.bearer()))
                .andExpect(status().isUnauthorized());

        mvc.perform(asAdmin(patch("/api/users/" + author.id())).content("{\"enabled\": true}"))
                .andExpect(status().isOk());
        accounts.login(author.email(), author.password());
    }

    @Test
    void anAdminCannotDisableOrDemoteThemself() throws Exception {
        Staff admin = accounts.create(Role.ADMIN);

        for (String change : new String[] {"{\"enabled\": false}", "{\"role\": \"EDITOR\"}"}) {
            mvc.perform(patch("/api/users/" + admin.id()).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON).content(change))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/cannot-change-own-account"));
        }
        mvc.perform(patch("/api/users/" + admin.id()).header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"displayName\": \"Still Admin\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminsManageUsers(Role role) throws Exception {
        Staff staff = accounts.create(role);
        Staff other = accounts.create(Role.CONTRIBUTOR);
        String bearer = staff.bearer();

        expectForbidden(mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, bearer)));
        expectForbidden(mvc.perform(get("/api/users/" + other.id()).header(HttpHeaders.AUTHORIZATION, bearer)));
        expectForbidden(mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("email",
                        TestAccounts.uniqueEmail("x"), "displayName", "X", "password", "a-long-enough-password",
                        "role", "ADMIN")))));
        expectForbidden(mvc.perform(patch("/api/users/" + other.id()).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"ADMIN\"}")));
        expectForbidden(mvc.perform(patch("/api/users/" + staff.id()).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"ADMIN\"}")));

        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(staff.id().toString()))
                .andExpect(jsonPath("$.role").value(role.name()))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
    }

    @Test
    void anonymousCallersAreUnauthorized() throws Exception {
        expectUnauthorized(mvc.perform(get("/api/users")));
        expectUnauthorized(mvc.perform(get("/api/users/me")));
        expectUnauthorized(mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content("{}")));
        expectUnauthorized(mvc.perform(patch("/api/users/" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON).content("{}")));
    }

    @Test
    void changingAnUnknownUserIsNotFound() throws Exception {
        mvc.perform(asAdmin(patch("/api/users/" + UUID.randomUUID())).content("{\"enabled\": false}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/user-not-found"));
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken()))
                .contentType(MediaType.APPLICATION_JSON);
    }

    private static void expectForbidden(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
    }

    private static void expectUnauthorized(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
    }

    private String json(Object value) {
        return json.writeValueAsString(value);
    }
}
