package io.realtimeblog.users;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JpaStaffDirectory implements StaffDirectory {

    private final UserRepository users;
    private final JdbcClient jdbc;

    JpaStaffDirectory(UserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findDisplayNames(ids).stream().collect(Collectors.toUnmodifiableMap(
                UserRepository.IdAndName::getId, UserRepository.IdAndName::getDisplayName));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> displayName(UUID id) {
        return users.findDisplayName(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Actor> findActiveActor(UUID id) {
        return users.findById(id).filter(User::isEnabled).map(User::toActor);
    }

    /**
     * Every authenticated request asks, so it is one plain statement in auto-commit: no transaction, no entity
     * manager (through JPA the check took 6.6 % of a REST write's request-thread CPU, docs/benchmarks.md).
     */
    @Override
    public Optional<TokenHolder> findTokenHolder(UUID id, Instant issuedAt) {
        return jdbc.sql("SELECT display_name, role, enabled, password_change_required, tokens_valid_after FROM users "
                        + "WHERE id = ?")
                .param(id.toString())
                .query((rs, row) -> {
                    LocalDateTime validAfter = rs.getObject(5, LocalDateTime.class);
                    return new HolderRow(id, rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3),
                            rs.getBoolean(4), validAfter == null ? null : validAfter.toInstant(ZoneOffset.UTC));
                })
                .optional()
                .flatMap(row -> row.holderOfTokenIssuedAt(issuedAt));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Actor> activeActors(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findAllById(ids).stream().filter(User::isEnabled).map(User::toActor)
                .collect(Collectors.toUnmodifiableMap(Actor::id, actor -> actor));
    }
}
