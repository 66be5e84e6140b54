package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wait announced in Retry-After: until enough failures have left the window, or the slow-down has passed. */
class LoginThrottleTests {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final String ACCOUNT = "a@example.test";
    static final String CLIENT = "10.0.0.1";

    LoginFailureRepository failures = mock(LoginFailureRepository.class);
    LoginThrottle throttle = new LoginThrottle(failures, new AuthProperties(null, "test", Duration.ofMinutes(15),
            Duration.ofDays(14), true, 3, 100, Duration.ofMinutes(15), 10, Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(2)));

    @BeforeEach
    void noFailures() {
        when(failures.failureTimesOfAccountAndClient(any(), any(), any())).thenReturn(List.of());
        when(failures.failureTimesOfClient(any(), any())).thenReturn(List.of());
        when(failures.failureTimesOfAccount(any(), any())).thenReturn(List.of());
    }

    @Test
    void belowTheLimitThereIsNoWait() {
        failuresOfAccountFromThisClient(NOW.minusSeconds(60), NOW.minusSeconds(30));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).isEmpty();
    }

    @Test
    void atTheLimitTheWaitLastsUntilTheOldestFailureLeavesTheWindow() {
        failuresOfAccountFromThisClient(NOW.minusSeconds(600), NOW.minusSeconds(300), NOW.minusSeconds(10));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(300));
    }

    @Test
    void overTheLimitTheWaitLastsUntilEnoughFailuresLeaveTheWindow() {
        failuresOfAccountFromThisClient(NOW.minusSeconds(800), NOW.minusSeconds(600), NOW.minusSeconds(300),
                NOW.minusSeconds(10));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(300));
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        failuresOfAccountFromThisClient(NOW.minusMillis(899_500), NOW.minusSeconds(20), NOW.minusSeconds(10));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(1));
    }

    @Test
    void failuresOfTheAccountFromElsewhereBelowTheSlowdownThresholdCostNothing() {
        when(failures.failureTimesOfAccount(eq(ACCOUNT), any())).thenReturn(secondsAgo(9, 1));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).isEmpty();
    }

    @Test
    void atTheSlowdownThresholdTheNextAttemptWaitsOneSecondAfterTheLastFailure() {
        when(failures.failureTimesOfAccount(eq(ACCOUNT), any())).thenReturn(secondsAgo(10, 0));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void theSlowdownDoublesWithEachFailureUpToItsMaximum() {
        when(failures.failureTimesOfAccount(eq(ACCOUNT), any())).thenReturn(secondsAgo(13, 0));
        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(8));

        when(failures.failureTimesOfAccount(eq(ACCOUNT), any())).thenReturn(secondsAgo(60, 0));
        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(30));
        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW.plusSeconds(30))).isEmpty();
    }

    @Test
    void theLongestOfTheWaitsIsAnnounced() {
        failuresOfAccountFromThisClient(NOW.minusSeconds(600), NOW.minusSeconds(300), NOW.minusSeconds(10));
        when(failures.failureTimesOfAccount(eq(ACCOUNT), any())).thenReturn(secondsAgo(12, 0));

        assertThat(throttle.retryAfter(ACCOUNT, CLIENT, NOW)).contains(Duration.ofSeconds(300));
    }

    private void failuresOfAccountFromThisClient(Instant... times) {
        when(failures.failureTimesOfAccountAndClient(eq(ACCOUNT), eq(CLIENT), any())).thenReturn(List.of(times));
    }

    /** {@code count} failures, one a second, the last {@code lastSecondsAgo} before now, oldest first. */
    private static List<Instant> secondsAgo(int count, int lastSecondsAgo) {
        List<Instant> times = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            times.add(NOW.minusSeconds(lastSecondsAgo + i));
        }
        return times;
    }
}
