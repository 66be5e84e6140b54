package io.realtimeblog.auth;

import java.time.Instant;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes login failures that no longer count, refresh tokens that have expired, and deny-list entries whose tokens
 * have expired. Safe on every instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthMaintenance {

    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokenDenyList denyList;

    AuthMaintenance(LoginThrottle throttle, RefreshTokens refreshTokens, AccessTokenDenyList denyList) {
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.denyList = denyList;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    void purge() {
        throttle.purgeOlderThanWindow(Instant.now());
        refreshTokens.purgeExpired();
        denyList.purgeExpired();
    }
}
