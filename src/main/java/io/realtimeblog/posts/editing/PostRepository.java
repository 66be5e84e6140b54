package io.realtimeblog.posts.editing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.realtimeblog.posts.PostAudience;

public interface PostRepository extends JpaRepository<Post, UUID>, JpaSpecificationExecutor<Post> {

    /**
     * The post with its tags, in one statement: every use of a single post (view, edit, schedule) reads them. A
     * query rather than an entity graph: Hibernate caches a query's plan, but builds and translates a new loader
     * for every load with a fetch graph (a fifth of a write's load of the post, measured in docs/benchmarks.md).
     */
    @Override
    @Query("select p from Post p left join fetch p.tags where p.id = :id")
    Optional<Post> findById(UUID id);

    /**
     * Whether a post other than {@code id} that the actor may see (every post if {@code everything}, else their
     * own and published ones) has this slug. Posts the actor may not see do not count: no draft oracle.
     */
    @Query("select count(p) > 0 from Post p where p.slug = :slug and p.id <> :id and (:everything = true "
            + "or p.authorId = :actorId or p.status = io.realtimeblog.posts.PostStatus.PUBLISHED)")
    boolean existsVisibleSlug(String slug, UUID id, boolean everything, UUID actorId);

    /** The slugs {@code base} and {@code base-…} among the posts the actor may see (as {@link #existsVisibleSlug}). */
    @Query("select p.slug from Post p where (p.slug = :base or p.slug like :prefix) and (:everything = true "
            + "or p.authorId = :actorId or p.status = io.realtimeblog.posts.PostStatus.PUBLISHED)")
    List<String> findVisibleSlugsLike(String base, String prefix, boolean everything, UUID actorId);

    /** The public slugs {@code base} and {@code base-…} of published posts other than {@code id}. */
    @Query("select p.publicSlug from Post p where (p.publicSlug = :base or p.publicSlug like :prefix) "
            + "and p.id <> :id")
    List<String> findPublicSlugsLike(String base, String prefix, UUID id);

    /** A conditional UPDATE: counts a failed attempt only on the state it was made against. Keeps the version. */
    @Modifying
    @Query("update Post p set p.scheduleAttempts = :attempts, p.scheduleError = :error, "
            + "p.scheduleRetryAt = :retryAt where p.id = :id and p.version = :version "
            + "and p.status = io.realtimeblog.posts.PostStatus.SCHEDULED and p.scheduleAttempts = :previous")
    int recordScheduleAttempt(UUID id, long version, int previous, int attempts, String error, Instant retryAt);

    /** The SCHEDULED posts this user scheduled that the scheduler has not given up on. */
    @Query("select p from Post p where p.scheduledBy = :userId "
            + "and p.status = io.realtimeblog.posts.PostStatus.SCHEDULED and p.scheduleFailed = false")
    List<Post> findPendingSchedulesBy(UUID userId);

    @Query("select new io.realtimeblog.posts.PostAudience(p.id, p.authorId, p.status) from Post p where p.id in :ids")
    List<PostAudience> findAudiences(Collection<UUID> ids);
}
