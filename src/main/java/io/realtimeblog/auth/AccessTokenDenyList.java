package io.realtimeblog.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access tokens refused before they expire: by token id ({@code jti}, the token presented at logout) or by session
 * id ({@code sid}, every token of a login that ended). The list lives in the database, shared by every instance; a
 * row lasts as long as the tokens it refuses could, and is purged after.
 * <p>
 * Checking a token must not cost a query per request, so each instance keeps the ids in memory and reloads them
 * every {@code blog.auth.revocation-refresh-interval} (2 s by default; one small query, the table holds only the
 * logouts of the last access-token lifetime). A revocation is therefore in force at once on the instance that wrote
 * it, and on every other instance within one interval (plus the query's time). The ids this instance revoked are
 * kept until they expire, so a reload that races the revoking transaction's commit cannot forget them.
 */
@Component
class AccessTokenDenyList implements SchedulingConfigurer {

    private final RevokedAccessTokenRepository revoked;
    private final Duration refreshInterval;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> revokedHere = new ConcurrentHashMap<>();
    private volatile Set<String> loaded = Set.of();

    AccessTokenDenyList(RevokedAccessTokenRepository revoked, AuthProperties properties) {
        this.revoked = revoked;
        this.refreshInterval = properties.revocationRefreshInterval();
    }

    /** At start and every {@code blog.auth.revocation-refresh-interval}, on Spring's scheduler thread. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::reload, refreshInterval, Duration.ZERO));
    }

    /** Refuses the token or session with this id until {@code until}; joins the caller's transaction. */
    @Transactional
    void revoke(String id, Instant until) {
        revokedHere.put(id, until);
        revoked.save(new RevokedAccessToken(id, until));
    }

    boolean isRevoked(String id) {
        return id != null && (loaded.contains(id) || revokedHere.containsKey(id));
    }

    /** One query (the repository's own read-only transaction). */
    void reload() {
        Instant now = clock.instant();
        loaded = Set.copyOf(revoked.findIdsInForce(now));
        revokedHere.values().removeIf(until -> until.isBefore(now));
    }

    @Transactional
    void purgeExpired() {
        revoked.deleteExpiredBefore(clock.instant());
    }
}
