package io.realtimeblog.auth;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One failed login, counted against the e-mail address tried and the client address it came from. */
@Entity
@Table(name = "login_failures")
class LoginFailure {

    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 36)
    private UUID id;

    @Column(name = "account_key", nullable = false, length = 320)
    private String accountKey;

    @Column(name = "client_key", nullable = false, length = 64)
    private String clientKey;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailure() {
        // for JPA
    }

    LoginFailure(String accountKey, String clientKey, Instant failedAt) {
        this.id = UUID.randomUUID();
        this.accountKey = accountKey;
        this.clientKey = clientKey;
        this.failedAt = failedAt;
    }
}
