package io.realtimeblog.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PostRepository extends JpaRepository<Post, UUID>, JpaSpecificationExecutor<Post> {

    boolean existsBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, UUID id);

    @Query("select p.slug from Post p where p.slug = :base or p.slug like :prefix")
    List<String> findSlugsLike(String base, String prefix);

    /** A conditional UPDATE: counts a failed attempt only on the state it was made against. Keeps the version. */
    @Modifying
    @Query("update Post p set p.scheduleAttempts = :attempts, p.scheduleError = :error, "
            + "p.scheduleRetryAt = :retryAt where p.id = :id and p.version = :version "
            + "and p.status = io.realtimeblog.posts.PostStatus.SCHEDULED and p.scheduleAttempts = :previous")
    int recordScheduleAttempt(UUID id, long version, int previous, int attempts, String error, Instant retryAt);

    @Query("select new io.realtimeblog.posts.PostAudience(p.id, p.authorId, p.status) from Post p where p.id in :ids")
    List<PostAudience> findAudiences(Collection<UUID> ids);
}
