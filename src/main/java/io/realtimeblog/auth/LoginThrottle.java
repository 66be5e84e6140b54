package io.realtimeblog.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Limits failed logins per e-mail address and per client address, counting in the database so that every
 * instance sees the same numbers. Refused attempts are not counted, so a lock-out ends when the window has passed.
 * Concurrent attempts may each pass the check before any of them is counted: the limit is approximate by the
 * number of requests in flight, which is enough to stop password guessing.
 */
@Component
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final AuthProperties properties;

    LoginThrottle(LoginFailureRepository failures, AuthProperties properties) {
        this.failures = failures;
        this.properties = properties;
    }

    /** How long the caller must wait before trying again, if too many logins failed within the window. */
    Optional<Duration> retryAfter(String accountKey, String clientKey, Instant now) {
        Instant since = now.minus(properties.failureWindow());
        Optional<Duration> account = wait(failures.failureTimesOfAccount(accountKey, since),
                properties.maxFailuresPerAccount(), now);
        Optional<Duration> client = wait(failures.failureTimesOfClient(clientKey, since),
                properties.maxFailuresPerClient(), now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) >= 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    void recordFailure(String accountKey, String clientKey, Instant now) {
        failures.save(new LoginFailure(accountKey, clientKey, now));
    }

    void recordSuccess(String accountKey) {
        failures.deleteByAccount(accountKey);
    }

    void purgeOlderThanWindow(Instant now) {
        failures.deleteOlderThan(now.minus(properties.failureWindow()));
    }

    /** Times are in ascending order; logins are allowed again once enough of them have left the window. */
    private Optional<Duration> wait(List<Instant> failureTimes, int max, Instant now) {
        if (failureTimes.size() < max) {
            return Optional.empty();
        }
        Instant freedAt = failureTimes.get(failureTimes.size() - max).plus(properties.failureWindow());
        Duration wait = Duration.between(now, freedAt);
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
