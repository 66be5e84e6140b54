package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * An open staff socket follows changes to its user and its session: no access token outlives a disabled account or
 * a logout on a socket.
 */
@IntegrationTest
class StaffRecheckTests extends AbstractIntegrationTest {

    final List<TestSocket> opened = new ArrayList<>();

    @AfterEach
    void closeSockets() {
        opened.forEach(TestSocket::close);
    }

    @Test
    void disablingAUserClosesTheirOpenSocketsWithUnauthorized() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Staff other = accounts.create(Role.AUTHOR);
        TestSocket disabled = staff(author);
        TestSocket untouched = staff(other);

        changeUser(author, "{\"enabled\": false}");

        assertThat(disabled.awaitClose()).isEqualTo(4001);
        assertThat(untouched.isClosed()).isFalse();
    }

    @Test
    void aRoleChangeClosesTheSocketSoTheClientComesBackWithItsNewAudience() throws Exception {
        Staff contributor = accounts.create(Role.CONTRIBUTOR);
        TestSocket socket = staff(contributor);

        changeUser(contributor, "{\"role\": \"EDITOR\"}");

        assertThat(socket.awaitClose()).isEqualTo(4004);
    }

    @Test
    void aLogoutClosesTheSocketsOpenedWithThatSessionWithUnauthorized() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        JsonNode otherSession = accounts.login(author.email(), author.password());
        TestSocket loggedOut = staff(author);
        TestSocket stillSignedIn = sockets.joined(otherSession.path("accessToken").asString());
        opened.add(stillSignedIn);

        mvc.perform(post("/api/auth/logout").header("X-Requested-With", "test").header(HttpHeaders.AUTHORIZATION, author.bearer()))
                .andExpect(status().isNoContent());

        assertThat(loggedOut.awaitClose()).isEqualTo(4001);
        assertThat(stillSignedIn.isClosed()).isFalse();
    }

    @Test
    void aPasswordResetClosesEverySocketOfThatUserWithUnauthorized() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        Staff other = accounts.create(Role.AUTHOR);
        TestSocket reset = staff(author);
        TestSocket untouched = staff(other);

        mvc.perform(post("/api/users/" + author.id() + "/password-reset")
                        .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken())))
                .andExpect(status().isOk());

        assertThat(reset.awaitClose()).isEqualTo(4001);
        assertThat(untouched.isClosed()).isFalse();
    }

    private void changeUser(Staff who, String body) throws Exception {
        mvc.perform(patch("/api/users/" + who.id()).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken())))
                .andExpect(status().isOk());
    }

    private TestSocket staff(Staff who) {
        TestSocket socket = sockets.joined(who.token());
        opened.add(socket);
        return socket;
    }
}
