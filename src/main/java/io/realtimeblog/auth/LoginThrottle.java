package io.realtimeblog.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * Limits failed logins, counting in the database so that every instance sees the same numbers:
 * <ul>
 * <li>per account <em>and</em> client address: after {@code max-failures-per-account-and-client} failures that
 * client may not try that account until the oldest of them leaves the window. Other clients are not affected,
 * so a stranger who knows an e-mail address cannot lock its owner out;</li>
 * <li>per client address: after {@code max-failures-per-client} failures, for any account, that client waits;</li>
 * <li>per account, from anywhere: after {@code account-slowdown-after} failures each further attempt must wait
 * a delay after the last failure (1 s, doubling with each failure, at most {@code account-slowdown-max-delay}).
 * That caps distributed guessing at a few attempts a minute while the owner waits seconds, never minutes.</li>
 * </ul>
 * A refused attempt is answered at once with the wait (429 and {@code Retry-After}); no thread sleeps, and it is
 * not counted, so every wait ends. Concurrent attempts may each pass the check before any of them is counted:
 * the limits are approximate by the number of requests in flight, which is enough to stop password guessing.
 */
@Component
class LoginThrottle {

    private static final Duration FIRST_SLOWDOWN = Duration.ofSeconds(1);

    private final LoginFailureRepository failures;
    private final AuthProperties properties;

    LoginThrottle(LoginFailureRepository failures, AuthProperties properties) {
        this.failures = failures;
        this.properties = properties;
    }

    /** How long the caller must wait before trying this account again, if any limit is reached. */
    Optional<Duration> retryAfter(String accountKey, String clientKey, Instant now) {
        Instant since = now.minus(properties.failureWindow());
        return Stream.of(
                lockedOut(failures.failureTimesOfAccountAndClient(accountKey, clientKey, since),
                        properties.maxFailuresPerAccountAndClient(), now),
                lockedOut(failures.failureTimesOfClient(clientKey, since), properties.maxFailuresPerClient(), now),
                slowedDown(failures.failureTimesOfAccount(accountKey, since), now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void recordFailure(String accountKey, String clientKey, Instant now) {
        failures.save(new LoginFailure(accountKey, clientKey, now));
    }

    /** Forgets this client's failures on the account; failures from elsewhere keep slowing the account down. */
    void recordSuccess(String accountKey, String clientKey) {
        failures.deleteByAccountAndClient(accountKey, clientKey);
    }

    void purgeOlderThanWindow(Instant now) {
        failures.deleteOlderThan(now.minus(properties.failureWindow()));
    }

    /** Times are in ascending order; attempts are allowed again once enough of them have left the window. */
    private Optional<Duration> lockedOut(List<Instant> failureTimes, int max, Instant now) {
        if (failureTimes.size() < max) {
            return Optional.empty();
        }
        return waitUntil(failureTimes.get(failureTimes.size() - max).plus(properties.failureWindow()), now);
    }

    /** The n-th failure over the threshold asks for 2^n seconds (capped) after the last failure. */
    private Optional<Duration> slowedDown(List<Instant> failureTimes, Instant now) {
        int over = failureTimes.size() - properties.accountSlowdownAfter();
        if (over < 0) {
            return Optional.empty();
        }
        Duration delay = FIRST_SLOWDOWN.multipliedBy(1L << Math.min(over, 20));
        if (delay.compareTo(properties.accountSlowdownMaxDelay()) > 0) {
            delay = properties.accountSlowdownMaxDelay();
        }
        return waitUntil(failureTimes.get(failureTimes.size() - 1).plus(delay), now);
    }

    /** Whole seconds (rounded up) until {@code freedAt}, or nothing when it has passed. */
    private static Optional<Duration> waitUntil(Instant freedAt, Instant now) {
        if (!now.isBefore(freedAt)) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, freedAt);
        return Optional.of(Duration.ofSeconds(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }
}
