package io.realtimeblog.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A staff account. The e-mail address is stored lower-case and is unique; only a hash of the password is kept. */
@Entity
@Table(name = "users")
class User {

    @Id
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 36)
    private UUID id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "tokens_valid_after")
    private Instant tokensValidAfter;

    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Version
    private Long version;

    protected User() {
        // for JPA
    }

    User(String email, String displayName, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(email);
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void rename(String newName, Instant now) {
        this.displayName = newName.strip();
        this.updatedAt = now;
    }

    void changeRole(Role newRole, Instant now) {
        this.role = Objects.requireNonNull(newRole);
        this.updatedAt = now;
    }

    /** Disabling ends every session: tokens issued until now stay refused after the account is enabled again. */
    void setEnabled(boolean newEnabled, Instant now) {
        this.enabled = newEnabled;
        this.updatedAt = now;
        if (!newEnabled) {
            endAllSessions(now);
        }
    }

    /** The owner chose a new password (they knew the current one). */
    void changePassword(String newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.passwordChangeRequired = false;
        this.updatedAt = now;
    }

    /** An administrator set a one-time password: every session ends and the next login must choose a new one. */
    void resetPassword(String temporaryHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(temporaryHash);
        this.passwordChangeRequired = true;
        this.updatedAt = now;
        endAllSessions(now);
    }

    /**
     * Access tokens carry their issue time in whole seconds, so the cut is the next whole second: every token issued
     * until now has an earlier {@code iat}, and tokens issued from now on are dated at the cut at the earliest
     * ({@link StaffMember#tokensValidAfter()}).
     */
    private void endAllSessions(Instant now) {
        this.tokensValidAfter = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /**
     * Whether an access token issued at {@code issuedAt} (whole seconds) was issued after the last cut,
     * {@code tokensValidAfter} (null: there was none).
     */
    static boolean acceptsTokenIssuedAt(Instant tokensValidAfter, Instant issuedAt) {
        return tokensValidAfter == null || issuedAt != null && !issuedAt.isBefore(tokensValidAfter);
    }

    Actor toActor() {
        return new Actor(id, displayName, role);
    }

    StaffMember toStaffMember() {
        return new StaffMember(id, email, displayName, role, enabled, passwordChangeRequired, createdAt, updatedAt,
                version == null ? 0 : version, tokensValidAfter);
    }

    UUID getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }
}
