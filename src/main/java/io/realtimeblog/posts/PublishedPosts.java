package io.realtimeblog.posts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.posts.editing.Post;
import io.realtimeblog.posts.rendering.MarkdownRenderer;
import io.realtimeblog.users.StaffDirectory;

/**
 * What anonymous readers may see: PUBLISHED posts only ({@link PostPermissions#isPublic}; every query here selects
 * that status), newest {@code publishedAt} first. Drafts and scheduled posts are absent, exactly as if they did
 * not exist.
 * <p>
 * A list page costs one statement whatever its size (posts, their tags and their authors' names together).
 */
@Component
public class PublishedPosts {

    /**
     * The version of the Markdown renderer that made the HTML these posts carry: part of the public pages'
     * validators, so that a sanitiser fix is not answered with 304.
     */
    public static final int HTML_VERSION = MarkdownRenderer.VERSION;

    private static final String NEWEST_FIRST = " order by p.publishedAt desc, p.id";

    private final EntityManager entityManager;
    private final StaffDirectory staff;

    PublishedPosts(EntityManager entityManager, StaffDirectory staff) {
        this.entityManager = entityManager;
        this.staff = staff;
    }

    /** The validator fingerprint of the whole public site; one small aggregate query. */
    @Transactional(readOnly = true)
    public PublishedState state() {
        Object[] row = entityManager.createQuery("select "
                + "sum(case when p.status = :published then 1 else 0 end), "
                + "sum(case when p.status = :published then p.version else 0L end), "
                + "max(p.updatedAt) from Post p where p.publishedAt is not null", Object[].class)
                .setParameter("published", PostStatus.PUBLISHED).getSingleResult();
        return new PublishedState(asLong(row[0]), asLong(row[1]), (Instant) row[2]);
    }

    /** Page {@code page} (from 0) of every published post. */
    @Transactional(readOnly = true)
    public PublishedPage page(int page, int size) {
        return page("", null, page, size);
    }

    /** Page {@code page} of the published posts with the tag (compared lower-cased, as tags are stored). */
    @Transactional(readOnly = true)
    public PublishedPage byTag(String tag, int page, int size) {
        return page("AND EXISTS (SELECT 1 FROM post_tags x WHERE x.post_id = q.id AND x.tag = :filter) ",
                tag.strip().toLowerCase(Locale.ROOT), page, size);
    }

    /** Page {@code page} of the author's published posts. */
    @Transactional(readOnly = true)
    public PublishedPage byAuthor(UUID authorId, int page, int size) {
        return page("AND q.author_id = :filter ", authorId.toString(), page, size);
    }

    /** The published post with this slug; empty for unknown slugs, drafts and scheduled posts alike. */
    @Transactional(readOnly = true)
    public Optional<PublishedPost> bySlug(String slug) {
        return entityManager.createQuery("select p from Post p where p.slug = :slug and p.status = :published",
                        Post.class)
                .setParameter("slug", slug).setParameter("published", PostStatus.PUBLISHED).getResultStream()
                .findFirst()
                .map(post -> new PublishedPost(post.getId(), post.getTitle(), post.getSlug(), post.getExcerpt(),
                        post.getBodyHtml(), post.getTags(), author(post.getAuthorId()), post.getPublishedAt(),
                        post.getUpdatedAt(), post.getVersion(), post.getFeatureImage()));
    }

    /** The version and last change of the published post with this slug, without loading its body. */
    @Transactional(readOnly = true)
    public Optional<PublishedLink> linkBySlug(String slug) {
        return entityManager.createQuery("select new io.realtimeblog.posts.PublishedLink(p.slug, p.updatedAt, p.version) "
                        + "from Post p where p.slug = :slug and p.status = :published", PublishedLink.class)
                .setParameter("slug", slug).setParameter("published", PostStatus.PUBLISHED).getResultStream()
                .findFirst();
    }

    /** Every published post's slug and last change, newest first (for a sitemap). */
    @Transactional(readOnly = true)
    public List<PublishedLink> links() {
        return entityManager.createQuery("select new io.realtimeblog.posts.PublishedLink(p.slug, p.updatedAt, "
                + "p.version, p.featureImageId) from Post p where p.status = :published" + NEWEST_FIRST,
                PublishedLink.class).setParameter("published", PostStatus.PUBLISHED).getResultList();
    }

    /**
     * One statement for the whole page: the page's post ids (newest first, one more than shown, so that we know
     * whether an older page exists) in a derived table, joined to the posts, their authors' names and their tags;
     * one row per post and tag, folded here. Plain SQL that H2, MySQL/MariaDB and PostgreSQL all run.
     */
    private PublishedPage page(String filter, String filterValue, int page, int size) {
        var query = entityManager.createNativeQuery("""
                SELECT p.id, p.title, p.slug, p.excerpt, p.author_id, u.display_name, p.published_at,
                       p.updated_at, p.version, t.tag, p.feature_image_id, p.feature_image_alt
                FROM (SELECT q.id FROM posts q WHERE q.status = :published %s
                      ORDER BY q.published_at DESC, q.id LIMIT :limit OFFSET :offset) chosen
                JOIN posts p ON p.id = chosen.id
                JOIN users u ON u.id = p.author_id
                LEFT JOIN post_tags t ON t.post_id = p.id
                ORDER BY p.published_at DESC, p.id, t.tag
                """.formatted(filter))
                .setParameter("published", PostStatus.PUBLISHED.name())
                .setParameter("limit", size + 1)
                .setParameter("offset", Math.multiplyExact(page, size));
        if (filterValue != null) {
            query.setParameter("filter", filterValue);
        }
        Map<String, PublishedSummary> posts = new LinkedHashMap<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            PublishedSummary post = posts.computeIfAbsent((String) row[0], id -> new PublishedSummary(
                    UUID.fromString(id), (String) row[1], (String) row[2], (String) row[3], new ArrayList<>(),
                    new PersonRef(UUID.fromString((String) row[4]), (String) row[5]), instant(row[6]),
                    instant(row[7]), ((Number) row[8]).longValue(), row[10] == null ? null
                            : new FeatureImage(UUID.fromString((String) row[10]), (String) row[11])));
            if (row[9] != null) {
                post.tags().add((String) row[9]);
            }
        }
        List<PublishedSummary> items = new ArrayList<>(posts.values());
        boolean hasOlder = items.size() > size;
        List<PublishedSummary> shown = (hasOlder ? items.subList(0, size) : items).stream()
                .map(post -> new PublishedSummary(post.id(), post.title(), post.slug(), post.excerpt(),
                        List.copyOf(post.tags()), post.author(), post.publishedAt(), post.updatedAt(), post.version(),
                        post.featureImage()))
                .toList();
        return new PublishedPage(shown, page, size, hasOlder);
    }

    /** Times are stored as UTC wall-clock values (hibernate.jdbc.time_zone); drivers hand them back variously. */
    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) value).toInstant();
    }

    private PersonRef author(UUID authorId) {
        return new PersonRef(authorId, staff.displayNames(List.of(authorId)).getOrDefault(authorId, ""));
    }

    private static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
