package io.realtimeblog.users;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The columns of a user that decide whether their access token still speaks for them ({@link JpaStaffDirectory#findTokenHolder}). */
record HolderRow(UUID id, String displayName, Role role, boolean enabled, boolean passwordChangeRequired,
        Instant tokensValidAfter) {

    /** The holder, if the user is enabled and has not ended every session since the token was issued. */
    Optional<TokenHolder> holderOfTokenIssuedAt(Instant issuedAt) {
        if (!enabled || !User.acceptsTokenIssuedAt(tokensValidAfter, issuedAt)) {
            return Optional.empty();
        }
        return Optional.of(new TokenHolder(new Actor(id, displayName, role), passwordChangeRequired));
    }
}
