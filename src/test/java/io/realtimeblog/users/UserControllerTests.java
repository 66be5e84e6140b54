package io.realtimeblog.users;

import static io.realtimeblog.web.ProblemResponses.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.auth.SliceSecurity;

/**
 * Who may use the users API (method security on UserController) and the one-time-password gate, with the user
 * service mocked: a refused request never reaches it. The real paths: UserApiTests, PasswordApiTests.
 */
@WebMvcTest(UserController.class)
@Import(SliceSecurity.class)
class UserControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserService users;

    @Test
    void onlyAnAdministratorListsTheStaff() throws Exception {
        for (Role role : List.of(Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR)) {
            mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(role)))
                    .andExpect(problem(403, "forbidden"));
        }
        verifyNoInteractions(users);

        mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.ADMIN)))
                .andExpect(status().isOk());
    }

    @Test
    void anEditorCannotCreateAnAccount() throws Exception {
        mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.EDITOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"new@example.test\", "
                        + "\"displayName\": \"New\", \"password\": \"a-good-test-password\", \"role\": \"ADMIN\"}"))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(users);
    }

    @Test
    void whoMustChangeTheirPasswordMayStillReadTheirAccountButNothingElse() throws Exception {
        Actor admin = SliceSecurity.actor(Role.ADMIN);
        when(users.find(admin.id())).thenReturn(Optional.of(new StaffMember(admin.id(), "admin@example.test",
                admin.name(), Role.ADMIN, true, true, Instant.EPOCH, Instant.EPOCH, 1, Instant.EPOCH)));
        String header = SliceSecurity.bearerMustChangePassword(Role.ADMIN);

        mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, header))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, header))
                .andExpect(problem(403, "password-change-required"));
    }
}
