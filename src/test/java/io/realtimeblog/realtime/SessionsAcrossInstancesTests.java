package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * A session ended on one instance ends on every instance: the second instance refuses the token on REST and closes
 * the socket opened with it. The bound is {@code blog.auth.revocation-refresh-interval} (2 s) for REST, plus
 * {@code blog.realtime.staff-recheck-interval} (1 s in tests, 5 s by default) for sockets; the waits below allow
 * extra time for a loaded build machine.
 */
@IntegrationTest
class SessionsAcrossInstancesTests extends AcrossInstancesTest {

    final HttpClient http = HttpClient.newHttpClient();
    int secondPort;

    @BeforeEach
    void rememberSecondPort() {
        secondPort = second.port();
    }

    @Test
    void aLogoutOnOneInstanceRefusesTheTokenAndClosesItsSocketOnTheOther() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        assertThat(meOnSecond(editor.token())).isEqualTo(200);
        TestSocket onSecond = TestSocket.open(secondPort, json);
        onSecond.join(editor.token(), null);

        mvc.perform(post("/api/auth/logout").header("X-Requested-With", "test").header(HttpHeaders.AUTHORIZATION, editor.bearer()))
                .andExpect(status().isNoContent());

        Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> meOnSecond(editor.token()) == 401);
        assertThat(onSecond.awaitClose()).isEqualTo(4001);
    }

    @Test
    void aPasswordChangeOnOneInstanceEndsTheOtherSessionsOnTheOther() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        JsonNode otherSession = accounts.login(editor.email(), editor.password());
        String otherToken = otherSession.path("accessToken").asString();
        assertThat(meOnSecond(otherToken)).isEqualTo(200);

        mvc.perform(post("/api/users/me/password").header(HttpHeaders.AUTHORIZATION, editor.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "currentPassword", editor.password(), "newPassword", "a-brand-new-password-for-tests"))))
                .andExpect(status().isNoContent());

        Awaitility.await().atMost(Duration.ofSeconds(6)).until(() -> meOnSecond(otherToken) == 401);
        assertThat(meOnSecond(editor.token())).as("the session that changed it goes on").isEqualTo(200);
    }

    private int meOnSecond(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondPort + "/api/users/me"))
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(token)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
