package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The wait announced in Retry-After: until enough failures have left the window. */
class LoginThrottleTests {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    LoginFailureRepository failures = mock(LoginFailureRepository.class);
    LoginThrottle throttle = new LoginThrottle(failures, new AuthProperties(null, "test", Duration.ofMinutes(15),
            Duration.ofDays(14), true, 3, 100, Duration.ofMinutes(15)));

    @Test
    void belowTheLimitThereIsNoWait() {
        failuresOfAccount(NOW.minusSeconds(60), NOW.minusSeconds(30));

        assertThat(throttle.retryAfter("a@example.test", "10.0.0.1", NOW)).isEmpty();
    }

    @Test
    void atTheLimitTheWaitLastsUntilTheOldestFailureLeavesTheWindow() {
        failuresOfAccount(NOW.minusSeconds(600), NOW.minusSeconds(300), NOW.minusSeconds(10));

        assertThat(throttle.retryAfter("a@example.test", "10.0.0.1", NOW)).contains(Duration.ofSeconds(300));
    }

    @Test
    void overTheLimitTheWaitLastsUntilEnoughFailuresLeaveTheWindow() {
        failuresOfAccount(NOW.minusSeconds(800), NOW.minusSeconds(600), NOW.minusSeconds(300), NOW.minusSeconds(10));

        assertThat(throttle.retryAfter("a@example.test", "10.0.0.1", NOW)).contains(Duration.ofSeconds(300));
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        failuresOfAccount(NOW.minusMillis(899_500), NOW.minusSeconds(20), NOW.minusSeconds(10));

        assertThat(throttle.retryAfter("a@example.test", "10.0.0.1", NOW)).contains(Duration.ofSeconds(1));
    }

    private void failuresOfAccount(Instant... times) {
        when(failures.failureTimesOfAccount(eq("a@example.test"), any())).thenReturn(List.of(times));
        when(failures.failureTimesOfClient(any(), any())).thenReturn(List.of());
    }
}
