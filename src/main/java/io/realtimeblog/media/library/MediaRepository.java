package io.realtimeblog.media.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
/**
 * The {@code media}, {@code media_renditions} and {@code media_usage} tables, through plain SQL (three tables, a few
 * statements: an entity model would add more than it saves). The uploader's name is read from {@code users} at
 * query time, so a renamed user shows the new name.
 */
@Repository
class MediaRepository {

    private static final String SELECT = "SELECT m.id, m.uploaded_by, u.display_name, m.alt, m.content_type, "
            + "m.width, m.height, m.bytes, m.created_at, m.version FROM media m JOIN users u ON u.id = m.uploaded_by ";

    private final JdbcTemplate jdbc;

    MediaRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MediaRow media) {
        jdbc.update("INSERT INTO media (id, uploaded_by, alt, content_type, width, height, bytes, created_at, "
                        + "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                media.id().toString(), media.uploaderId().toString(), media.alt(), media.contentType(),
                media.width(), media.height(), media.bytes(), Times.utc(media.createdAt()),
                Times.utc(media.createdAt()), media.version());
        for (MediaRow.RenditionRow r : media.renditions()) {
            jdbc.update("INSERT INTO media_renditions (media_id, width, height, content_type, bytes, etag, "
                            + "storage_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    media.id().toString(), r.width(), r.height(), r.contentType(), r.bytes(), r.etag(),
                    r.storageKey());
        }
    }

    /** Sets the alt text if the row is still at {@code version}; false when it is gone or changed meanwhile. */
    boolean updateAlt(UUID id, long version, String alt, Instant now) {
        return jdbc.update("UPDATE media SET alt = ?, version = version + 1, updated_at = ? WHERE id = ? "
                + "AND version = ?", alt, Times.utc(now), id.toString(), version) == 1;
    }

    boolean delete(UUID id, long version) {
        jdbc.update("DELETE FROM media_usage WHERE media_id = ?", id.toString());
        jdbc.update("DELETE FROM media_renditions WHERE media_id = ?", id.toString());
        return jdbc.update("DELETE FROM media WHERE id = ? AND version = ?", id.toString(), version) == 1;
    }

    Optional<MediaRow> find(UUID id) {
        List<MediaRow> rows = jdbc.query(SELECT + "WHERE m.id = ?", MediaRepository::row, id.toString());
        return rows.stream().findFirst().map(row -> withRenditions(List.of(row)).get(0));
    }

    /** The images among the ids that exist, with their renditions. */
    List<MediaRow> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        return withRenditions(jdbc.query(SELECT + "WHERE m.id IN (" + marks + ")", MediaRepository::row,
                ids.stream().map(UUID::toString).toArray()));
    }

    /** Replaces the images a post uses (only those that exist are recorded) and its title. */
    void replaceUsage(UUID postId, String title, java.util.Set<UUID> mediaIds) {
        jdbc.update("DELETE FROM media_usage WHERE post_id = ?", postId.toString());
        for (UUID mediaId : mediaIds) {
            jdbc.update("INSERT INTO media_usage (media_id, post_id, post_title) SELECT id, ?, ? FROM media "
                    + "WHERE id = ?", postId.toString(), title, mediaId.toString());
        }
    }

    void removeUsage(UUID postId) {
        jdbc.update("DELETE FROM media_usage WHERE post_id = ?", postId.toString());
    }

    /** A page of the library, newest first, optionally only one uploader's. */
    List<MediaRow> page(UUID uploader, int page, int size) {
        String where = uploader == null ? "" : "WHERE m.uploaded_by = ? ";
        String sql = SELECT + where + "ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?";
        Object[] args = uploader == null ? new Object[] {size, (long) page * size}
                : new Object[] {uploader.toString(), size, (long) page * size};
        return withRenditions(jdbc.query(sql, MediaRepository::row, args));
    }

    long count(UUID uploader) {
        return uploader == null ? jdbc.queryForObject("SELECT COUNT(*) FROM media", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM media WHERE uploaded_by = ?", Long.class,
                        uploader.toString());
    }

    /** The rendition of the image at this width, if both exist. */
    Optional<MediaRow.RenditionRow> rendition(UUID id, int width) {
        return jdbc.query("SELECT width, height, content_type, bytes, etag, storage_key FROM media_renditions "
                + "WHERE media_id = ? AND width = ?", MediaRepository::rendition, id.toString(), width)
                .stream().findFirst();
    }

    /** The posts that use each of the images: post id and title. */
    Map<UUID, List<MediaView.PostRef>> usage(List<UUID> ids) {
        Map<UUID, List<MediaView.PostRef>> usage = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return usage;
        }
        String marks = String.join(",", ids.stream().map(id -> "?").toList());
        jdbc.query("SELECT media_id, post_id, post_title FROM media_usage WHERE media_id IN (" + marks + ") "
                + "ORDER BY post_title, post_id", rs -> {
                    usage.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new ArrayList<>())
                            .add(new MediaView.PostRef(UUID.fromString(rs.getString(2)), rs.getString(3)));
                }, ids.stream().map(UUID::toString).toArray());
        return usage;
    }

    private List<MediaRow> withRenditions(List<MediaRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        String marks = String.join(",", rows.stream().map(r -> "?").toList());
        Map<String, List<MediaRow.RenditionRow>> byMedia = new LinkedHashMap<>();
        jdbc.query("SELECT media_id, width, height, content_type, bytes, etag, storage_key FROM media_renditions "
                + "WHERE media_id IN (" + marks + ")", rs -> {
                    byMedia.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rendition(rs, 0));
                }, rows.stream().map(r -> r.id().toString()).toArray());
        List<MediaRow> out = new ArrayList<>(rows.size());
        for (MediaRow row : rows) {
            List<MediaRow.RenditionRow> renditions = new ArrayList<>(byMedia.getOrDefault(row.id().toString(),
                    List.of()));
            // The original size first, then the variants widest first.
            renditions.sort(Comparator.comparingInt((MediaRow.RenditionRow r) -> r.width() == row.width() ? 0 : 1)
                    .thenComparing(Comparator.comparingInt(MediaRow.RenditionRow::width).reversed()));
            out.add(new MediaRow(row.id(), row.uploaderId(), row.uploaderName(), row.alt(), row.contentType(),
                    row.width(), row.height(), row.bytes(), row.createdAt(), row.version(), List.copyOf(renditions)));
        }
        return out;
    }

    private static MediaRow row(ResultSet rs, int n) throws SQLException {
        return new MediaRow(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8),
                Times.instant(rs, 9), rs.getLong(10), List.of());
    }

    private static MediaRow.RenditionRow rendition(ResultSet rs, int n) throws SQLException {
        int offset = rs.getMetaData().getColumnCount() == 7 ? 1 : 0;
        return new MediaRow.RenditionRow(rs.getInt(1 + offset), rs.getInt(2 + offset), rs.getString(3 + offset),
                rs.getLong(4 + offset), rs.getString(5 + offset), rs.getString(6 + offset));
    }
}
