package io.realtimeblog.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.realtimeblog.users.StaffDirectory;

/**
 * What anonymous readers may see: PUBLISHED posts only, newest {@code publishedAt} first. Drafts and scheduled
 * posts are absent, exactly as if they did not exist.
 * <p>
 * A list page costs three statements whatever its size: the posts (a projection without bodies), their tags
 * (one {@code in} query) and the authors' display names (one query).
 */
@Component
public class PublishedPosts {

    private static final String SUMMARY = "select new io.realtimeblog.posts.PublishedRow(p.id, p.title, "
            + "p.slug, p.excerpt, p.authorId, p.publishedAt, p.updatedAt, p.version) from Post p "
            + "where p.status = io.realtimeblog.posts.PostStatus.PUBLISHED ";
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
                + "sum(case when p.status = io.realtimeblog.posts.PostStatus.PUBLISHED then 1 else 0 end), "
                + "sum(case when p.status = io.realtimeblog.posts.PostStatus.PUBLISHED then p.version else 0L end), "
                + "max(p.updatedAt) from Post p where p.publishedAt is not null", Object[].class).getSingleResult();
        return new PublishedState(asLong(row[0]), asLong(row[1]), (Instant) row[2]);
    }

    /** Page {@code page} (from 0) of every published post. */
    @Transactional(readOnly = true)
    public PublishedPage page(int page, int size) {
        return page(entityManager.createQuery(SUMMARY + NEWEST_FIRST, PublishedRow.class), page, size);
    }

    /** Page {@code page} of the published posts with the tag (compared lower-cased, as tags are stored). */
    @Transactional(readOnly = true)
    public PublishedPage byTag(String tag, int page, int size) {
        TypedQuery<PublishedRow> query = entityManager.createQuery(
                SUMMARY + "and :tag member of p.tags" + NEWEST_FIRST, PublishedRow.class);
        return page(query.setParameter("tag", tag.strip().toLowerCase(Locale.ROOT)), page, size);
    }

    /** Page {@code page} of the author's published posts. */
    @Transactional(readOnly = true)
    public PublishedPage byAuthor(UUID authorId, int page, int size) {
        TypedQuery<PublishedRow> query = entityManager.createQuery(SUMMARY + "and p.authorId = :author" + NEWEST_FIRST,
                PublishedRow.class);
        return page(query.setParameter("author", authorId), page, size);
    }

    /** The published post with this slug; empty for unknown slugs, drafts and scheduled posts alike. */
    @Transactional(readOnly = true)
    public Optional<PublishedPost> bySlug(String slug) {
        return entityManager.createQuery("select p from Post p where p.slug = :slug "
                        + "and p.status = io.realtimeblog.posts.PostStatus.PUBLISHED", Post.class)
                .setParameter("slug", slug).getResultStream().findFirst()
                .map(post -> new PublishedPost(post.getId(), post.getTitle(), post.getSlug(), post.getExcerpt(),
                        post.getBodyHtml(), post.getTags(), author(post.getAuthorId()), post.getPublishedAt(),
                        post.getUpdatedAt(), post.getVersion()));
    }

    /** The version and last change of the published post with this slug, without loading its body. */
    @Transactional(readOnly = true)
    public Optional<PublishedLink> linkBySlug(String slug) {
        return entityManager.createQuery("select new io.realtimeblog.posts.PublishedLink(p.slug, p.updatedAt, p.version) "
                        + "from Post p where p.slug = :slug and p.status = io.realtimeblog.posts.PostStatus.PUBLISHED",
                        PublishedLink.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** Every published post's slug and last change, newest first (for a sitemap). */
    @Transactional(readOnly = true)
    public List<PublishedLink> links() {
        return entityManager.createQuery("select new io.realtimeblog.posts.PublishedLink(p.slug, p.updatedAt, p.version) "
                + "from Post p where p.status = io.realtimeblog.posts.PostStatus.PUBLISHED" + NEWEST_FIRST,
                PublishedLink.class).getResultList();
    }

    private PublishedPage page(TypedQuery<PublishedRow> query, int page, int size) {
        List<PublishedRow> rows = query.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size + 1)
                .getResultList();
        boolean hasOlder = rows.size() > size;
        List<PublishedRow> shown = hasOlder ? rows.subList(0, size) : rows;
        if (shown.isEmpty()) {
            return new PublishedPage(List.of(), page, size, false);
        }
        List<UUID> ids = shown.stream().map(PublishedRow::id).toList();
        Map<UUID, List<String>> tags = tags(ids);
        Map<UUID, String> names = staff.displayNames(shown.stream().map(PublishedRow::authorId).distinct().toList());
        List<PublishedSummary> items = shown.stream().map(row -> new PublishedSummary(row.id(), row.title(),
                row.slug(), row.excerpt(), tags.getOrDefault(row.id(), List.of()),
                new PersonRef(row.authorId(), names.getOrDefault(row.authorId(), "")), row.publishedAt(),
                row.updatedAt(), row.version() == null ? 0 : row.version())).toList();
        return new PublishedPage(items, page, size, hasOlder);
    }

    private Map<UUID, List<String>> tags(List<UUID> ids) {
        Map<UUID, List<String>> tags = new HashMap<>();
        entityManager.createQuery("select p.id, t from Post p join p.tags t where p.id in :ids order by t",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> tags.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]));
        return tags;
    }

    private PersonRef author(UUID authorId) {
        return new PersonRef(authorId, staff.displayNames(List.of(authorId)).getOrDefault(authorId, ""));
    }

    private static long asLong(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
