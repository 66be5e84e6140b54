package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.users.Role;

/**
 * Failed-login limits through the API. Each test uses its own accounts and its own client addresses, so that the
 * shared counters do not mix.
 */
@IntegrationTest
class LoginRateLimitTests extends AbstractIntegrationTest {

    @Autowired
    LoginFailureRepository failures;

    @Test
    void sixthLoginForAnAccountAfterFiveFailuresIsRefusedEvenWithTheRightPassword() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 5; i++) {
            login(author.email(), "wrong-password", "10.9.8.1").andExpect(status().isUnauthorized());
        }

        MvcResult refused = login(author.email(), author.password(), "10.9.8.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/too-many-login-attempts"))
                .andExpect(jsonPath("$.accessToken").doesNotExist())
                .andReturn();

        long retryAfter = Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
    }

    @Test
    void theLimitIsPerAccountSoOtherAccountsCanStillLogIn() throws Exception {
        Staff locked = accounts.create(Role.AUTHOR);
        Staff other = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 5; i++) {
            login(locked.email(), "wrong-password", "10.9.8.2").andExpect(status().isUnauthorized());
        }
        login(locked.email(), locked.password(), "10.9.8.2").andExpect(status().isTooManyRequests());

        login(other.email(), other.password(), "10.9.8.2").andExpect(status().isOk());
    }

    @Test
    void aStrangersFailuresDoNotLockTheOwnerOut() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 5; i++) {
            login(author.email(), "wrong-password", "10.9.8.3").andExpect(status().isUnauthorized());
        }
        login(author.email(), author.password(), "10.9.8.3").andExpect(status().isTooManyRequests());

        login(author.email(), author.password(), "10.9.8.4").andExpect(status().isOk());
    }

    @Test
    void guessesFromManyAddressesSlowTheAccountDownForSecondsWithoutLockingItOrCountingTheRefusal() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 10; i++) {
            login(author.email(), "wrong-password", "10.9.9." + i).andExpect(status().isUnauthorized());
        }
        long counted = failures.failureTimesOfAccount(author.email(), Instant.EPOCH).size();

        MvcResult refused = login(author.email(), author.password(), "10.9.10.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("/problems/too-many-login-attempts"))
                .andExpect(jsonPath("$.accessToken").doesNotExist())
                .andReturn();

        assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 2L);
        assertThat(failures.failureTimesOfAccount(author.email(), Instant.EPOCH)).hasSize((int) counted);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).until(() ->
                login(author.email(), author.password(), "10.9.10.1").andReturn().getResponse().getStatus() == 200);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 4; i++) {
            login(author.email(), "wrong-password", "10.9.8.5").andExpect(status().isUnauthorized());
        }
        login(author.email(), author.password(), "10.9.8.5").andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            login(author.email(), "wrong-password", "10.9.8.5").andExpect(status().isUnauthorized());
        }

        login(author.email(), author.password(), "10.9.8.5").andExpect(status().isOk());
    }

    @Test
    void moreThanTwentyFailuresFromOneClientBlockThatClientForEveryAccount() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        for (int i = 0; i < 20; i++) {
            login(TestAccounts.uniqueEmail("guess"), "wrong-password", "10.9.8.6")
                    .andExpect(status().isUnauthorized());
        }

        login(author.email(), author.password(), "10.9.8.6")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.type").value("/problems/too-many-login-attempts"));
        login(author.email(), author.password(), "10.9.8.7").andExpect(status().isOk());
    }

    private ResultActions login(String email, String password, String remoteAddr) throws Exception {
        return mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password)))
                .with(request -> {
                    request.setRemoteAddr(remoteAddr);
                    return request;
                }));
    }
}
