package io.realtimeblog.users;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JpaStaffDirectory implements StaffDirectory {

    private final UserRepository users;

    JpaStaffDirectory(UserRepository users) {
        this.users = users;
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

    @Override
    @Transactional(readOnly = true)
    public Optional<TokenHolder> findTokenHolder(UUID id, Instant issuedAt) {
        return users.findHolderRow(id).flatMap(row -> row.holderOfTokenIssuedAt(issuedAt));
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
