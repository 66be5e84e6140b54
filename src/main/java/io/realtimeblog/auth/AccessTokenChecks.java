package io.realtimeblog.auth;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.realtimeblog.users.StaffDirectory;
import io.realtimeblog.users.TokenHolder;

/**
 * Whether a decoded access token (signature, issuer and expiry already checked) may still be used, for REST and
 * WebSocket alike: it is not on the deny list (by its id or its session's id), and its user exists, is enabled,
 * and has not ended every session since the token was issued. The user is read afresh every time, so a role
 * change or a disabled account takes effect at once on every instance.
 */
@Component
class AccessTokenChecks {

    private final AccessTokenDenyList denyList;
    private final StaffDirectory staff;

    AccessTokenChecks(AccessTokenDenyList denyList, StaffDirectory staff) {
        this.denyList = denyList;
        this.staff = staff;
    }

    Optional<TokenHolder> holderOf(Jwt jwt) {
        if (isRevoked(jwt.getId(), jwt.getClaimAsString(AccessTokens.SESSION_ID))) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return staff.findTokenHolder(id, jwt.getIssuedAt());
    }

    boolean isRevoked(String tokenId, String sessionId) {
        return denyList.isRevoked(tokenId) || denyList.isRevoked(sessionId);
    }
}
