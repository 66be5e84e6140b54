package io.realtimeblog.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface LoginFailureRepository extends JpaRepository<LoginFailure, UUID> {

    @Query("select f.failedAt from LoginFailure f where f.accountKey = :accountKey and f.failedAt > :since"
            + " order by f.failedAt")
    List<Instant> failureTimesOfAccount(String accountKey, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.accountKey = :accountKey and f.clientKey = :clientKey"
            + " and f.failedAt > :since order by f.failedAt")
    List<Instant> failureTimesOfAccountAndClient(String accountKey, String clientKey, Instant since);

    @Query("select f.failedAt from LoginFailure f where f.clientKey = :clientKey and f.failedAt > :since"
            + " order by f.failedAt")
    List<Instant> failureTimesOfClient(String clientKey, Instant since);

    @Transactional
    @Modifying
    @Query("delete from LoginFailure f where f.accountKey = :accountKey and f.clientKey = :clientKey")
    int deleteByAccountAndClient(String accountKey, String clientKey);

    @Transactional
    @Modifying
    @Query("delete from LoginFailure f where f.failedAt < :before")
    int deleteOlderThan(Instant before);
}
