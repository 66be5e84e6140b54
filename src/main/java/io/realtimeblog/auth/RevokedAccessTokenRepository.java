package io.realtimeblog.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RevokedAccessTokenRepository extends JpaRepository<RevokedAccessToken, String> {

    @Query("select t.tokenId from RevokedAccessToken t where t.expiresAt > :now")
    List<String> findIdsInForce(Instant now);

    @Modifying
    @Query("delete from RevokedAccessToken t where t.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
