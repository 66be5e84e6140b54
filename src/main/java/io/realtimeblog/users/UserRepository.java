package io.realtimeblog.users;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    List<User> findAllByOrderByCreatedAtAsc();

    @Query("select u.id as id, u.displayName as displayName from User u where u.id in :ids")
    List<IdAndName> findDisplayNames(Collection<UUID> ids);

    // An "in" list is translated anew for every call; a single id is not (a write looks up its author twice).
    @Query("select u.displayName from User u where u.id = :id")
    Optional<String> findDisplayName(UUID id);

    interface IdAndName {
        UUID getId();

        String getDisplayName();
    }
}
