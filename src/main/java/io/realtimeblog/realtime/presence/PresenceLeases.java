package io.realtimeblog.realtime.presence;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.users.Actor;

/**
 * The presence state of the whole cluster, in the {@code presence_leases} table: one lease per (instance, socket,
 * post) that lasts {@code blog.realtime.presence-ttl} unless renewed. Because it lives in the database, any
 * instance can list the current editors and expire the leases of an instance that died.
 *
 * <p>Every method that ends leases returns the entries whose <em>last</em> lease it ended (the user has no other
 * live lease on the post), and only for rows its own DELETE removed: when two instances race to expire the same
 * row, one of them announces it.
 */
@Component
public class PresenceLeases {

    private static final String COLUMNS = "instance_name, session_id, post_id, user_id, user_name, expires_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RealtimeProperties properties;
    private final String instance = instanceName();

    PresenceLeases(JdbcTemplate jdbc, Clock clock, RealtimeProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Starts or renews the socket's lease on the post; returns the entry with its new expiry. */
    public PresenceEntry renew(String session, UUID postId, Actor user) {
        Instant expiresAt = clock.instant().plus(properties.presenceTtl());
        if (update(session, postId, user, expiresAt) == 0) {
            try {
                jdbc.update("INSERT INTO presence_leases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", instance,
                        session, postId.toString(), user.id().toString(), user.name(), utc(expiresAt));
            } catch (DuplicateKeyException e) {
                update(session, postId, user, expiresAt);
            }
        }
        return new PresenceEntry(postId, user.id(), user.name(), expiresAt);
    }

    /** Ends the socket's lease on the post (the editor was left). */
    public Optional<PresenceEntry> end(String session, UUID postId) {
        List<Lease> lease = select("instance_name = ? AND session_id = ? AND post_id = ?", instance, session,
                postId.toString());
        return endAll(lease, null).stream().findFirst();
    }

    /** Ends every lease of the socket (it closed). */
    public List<PresenceEntry> endSession(String session) {
        return endAll(select("instance_name = ? AND session_id = ?", instance, session), null);
    }

    /** Ends every lease held through this instance (it is shutting down). */
    public List<PresenceEntry> endInstance() {
        return endAll(select("instance_name = ?", instance), null);
    }

    /** Ends the leases of any instance that expired before {@code now}. */
    public List<PresenceEntry> sweep(Instant now) {
        return endAll(select("expires_at < ?", utc(now)), now);
    }

    /** Who is editing what now: one entry per post and user, with their newest lease's expiry. */
    public List<PresenceEntry> current() {
        return jdbc.query("SELECT post_id, user_id, MAX(user_name), MAX(expires_at) FROM presence_leases "
                        + "WHERE expires_at > ? GROUP BY post_id, user_id",
                (rs, n) -> new PresenceEntry(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
                        rs.getString(3), instant(rs, 4)),
                utc(clock.instant()));
    }

    private int update(String session, UUID postId, Actor user, Instant expiresAt) {
        return jdbc.update("UPDATE presence_leases SET expires_at = ?, user_name = ? "
                        + "WHERE instance_name = ? AND session_id = ? AND post_id = ?",
                utc(expiresAt), user.name(), instance, session, postId.toString());
    }

    private List<Lease> select(String condition, Object... arguments) {
        return jdbc.query("SELECT " + COLUMNS + " FROM presence_leases WHERE " + condition,
                (rs, n) -> new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), arguments);
    }

    /** Deletes each lease (only if still expired before {@code expiredBefore}, when given). */
    private List<PresenceEntry> endAll(List<Lease> leases, Instant expiredBefore) {
        List<PresenceEntry> ended = new ArrayList<>();
        for (Lease lease : leases) {
            String delete = "DELETE FROM presence_leases WHERE instance_name = ? AND session_id = ? AND post_id = ?";
            int deleted = expiredBefore == null
                    ? jdbc.update(delete, lease.instance(), lease.session(), lease.postId())
                    : jdbc.update(delete + " AND expires_at < ?", lease.instance(), lease.session(), lease.postId(),
                            utc(expiredBefore));
            if (deleted == 1 && !hasLiveLease(lease.postId(), lease.userId())) {
                ended.add(new PresenceEntry(UUID.fromString(lease.postId()), UUID.fromString(lease.userId()),
                        lease.userName(), null));
            }
        }
        return ended;
    }

    private boolean hasLiveLease(String postId, String userId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM presence_leases "
                + "WHERE post_id = ? AND user_id = ? AND expires_at > ?", Integer.class, postId, userId,
                utc(clock.instant()));
        return count != null && count > 0;
    }

    private record Lease(String instance, String session, String postId, String userId, String userName) {
    }

    /** Written and compared as UTC wall-clock times (the column has no zone), like every table of the app. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    /** Unique per running instance (the JVM's pid@host and a random suffix), so two instances never share leases. */
    private static String instanceName() {
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
