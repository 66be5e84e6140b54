package io.realtimeblog.users;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;

/** Whatever a client sends, a bad request gets a 4xx problem, never a 500. */
@IntegrationTest
class UserApiBadInputTests extends AbstractIntegrationTest {

    static final String LONG = "x".repeat(400);

    Staff target;

    @BeforeEach
    void setUp() {
        target = accounts.create(Role.CONTRIBUTOR);
    }

    static Stream<String> malformedCreateRequests() {
        return Stream.of(
        "{not json",
        "[]",
        "\"just a string\"",
        "{\"email\": 42, \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\", \"admin\": true}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"OWNER\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"admin\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": [\"AUTHOR\"]}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"short\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"not-an-email\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"" + LONG + "\", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"" + LONG + "@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"" + LONG + "\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"ééééééééééééééééééééééééééééééééééééééééé\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"   \", \"password\": \"a-long-enough-password\", \"role\": \"AUTHOR\"}",
        "{\"email\": \"a@example.test\", \"displayName\": \"A\", \"password\": \"a-long-enough-password\"}",
        "{}",
        "null",
        "");
    }

    static Stream<String> malformedChangeRequests() {
        return Stream.of(
        "{not json",
        "{\"enabled\": \"maybe\"}",
        "{\"enabled\": null, \"unknown\": 1}",
        "{\"role\": \"SUPERUSER\"}",
        "{\"role\": 3}",
        "{\"displayName\": \"\"}",
        "{\"displayName\": \"  \"}",
        "{\"displayName\": \"" + LONG + "\"}",
        "{\"displayName\": {\"first\": \"A\"}}",
        "[1, 2]",
        "");
    }

    @ParameterizedTest
    @MethodSource("malformedCreateRequests")
    void malformedCreateRequestsAreClientErrors(String body) throws Exception {
        expectClientProblem(mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).content(body)));
    }

    @ParameterizedTest
    @MethodSource("malformedChangeRequests")
    void malformedChangeRequestsAreClientErrors(String body) throws Exception {
        expectClientProblem(mvc.perform(patch("/api/users/" + target.id()).header(HttpHeaders.AUTHORIZATION,
                admin()).contentType(MediaType.APPLICATION_JSON).content(body)));
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequest() throws Exception {
        expectClientProblem(mvc.perform(patch("/api/users/not-a-uuid").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}")))
                .andExpect(status().isBadRequest());
        expectClientProblem(mvc.perform(get("/api/users/not-a-uuid").header(HttpHeaders.AUTHORIZATION, admin())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aWrongContentTypeIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/api/users").header(HttpHeaders.AUTHORIZATION, admin())
                .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedLoginRequestsAreClientErrors() throws Exception {
        for (String body : new String[] {"{not json", "{\"email\": 1}", "{\"email\": \"a@b\", \"password\": \"x\", \"x\": 1}",
                "{\"email\": \"" + LONG + "\", \"password\": \"x\"}", ""}) {
            expectClientProblem(mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                    .content(body).with(request -> {
                        request.setRemoteAddr("10.7.7.7");
                        return request;
                    })));
        }
    }

    private String admin() {
        return TestAccounts.bearer(accounts.adminToken());
    }

    private static ResultActions expectClientProblem(ResultActions result) throws Exception {
        return result.andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").isString())
                .andExpect(jsonPath("$.status").isNumber());
    }
}
