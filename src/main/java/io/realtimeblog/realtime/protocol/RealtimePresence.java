package io.realtimeblog.realtime.protocol;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.realtimeblog.posts.PostAudience;
import io.realtimeblog.posts.PostAudiences;
import io.realtimeblog.posts.PostPermissions;
import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.session.ClientSession;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.realtime.presence.PresenceAnnouncer;
import io.realtimeblog.realtime.presence.PresenceBudget;
import io.realtimeblog.realtime.presence.PresenceEntry;
import io.realtimeblog.realtime.presence.PresenceFrames;
import io.realtimeblog.realtime.presence.PresenceLeases;
import io.realtimeblog.realtime.presence.PresenceListener;
import io.realtimeblog.realtime.presence.PresenceNotice;
import io.realtimeblog.realtime.wire.WireFrame;
import io.realtimeblog.users.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Presence on the sockets of this instance ("Ana is editing"): takes the clients' {@code presence} frames (leases
 * in the database, notices to every instance), ends a socket's leases when it closes, sends the snapshot after
 * {@code ready}, and fans the cluster's notices out to the staff who may see the post, by the same rule as REST
 * reads: ADMIN and EDITOR every post, AUTHOR and CONTRIBUTOR their own and published ones. Saying one is editing
 * takes the right to edit the post, by the rule of REST updates. Each socket's presence frames are rate-limited
 * and its renewals written only as often as the lease needs ({@link PresenceBudget}); the budgets live as long
 * as their sockets on this instance.
 */
@Component
class RealtimePresence implements PresenceListener {

    private static final Logger log = LoggerFactory.getLogger(RealtimePresence.class);

    private final RealtimeSessions sessions;
    private final PresenceLeases leases;
    private final PresenceAnnouncer announcer;
    private final PostAudiences audiences;
    private final PresenceFrames frames;
    private final Frames errors;
    private final RealtimeProperties properties;
    private final Clock clock;
    /** Concurrent: used and removed on the sockets' lanes (work threads); each budget locks itself. */
    private final Map<String, PresenceBudget> budgets = new ConcurrentHashMap<>();

    RealtimePresence(RealtimeSessions sessions, PresenceLeases leases, PresenceAnnouncer announcer,
            PostAudiences audiences, JsonMapper json, RealtimeProperties properties, Clock clock) {
        this.sessions = sessions;
        this.leases = leases;
        this.announcer = announcer;
        this.audiences = audiences;
        this.frames = new PresenceFrames(json);
        this.errors = new Frames(json);
        this.properties = properties;
        this.clock = clock;
    }

    /** A {@code presence} frame from the client: start, renew or end its lease on the post. */
    void received(ClientSession session, Frames.Inbound frame) {
        if (!session.isStaff()) {
            session.send(errors.error("not-staff", "Presence is for staff; reconnect with a token."));
            return;
        }
        if (!withinBudget(session)) {
            return;
        }
        UUID postId = uuid(frame.body().get("postId"));
        JsonNode editing = frame.body().get("editing");
        if (postId == null || editing == null || !editing.isBoolean()) {
            session.send(errors.error("bad-frame",
                    "A presence frame needs a post id (\"postId\") and a boolean \"editing\"."));
            return;
        }
        try {
            PostAudience audience = audiences.of(Set.of(postId)).get(postId);
            if (audience == null || !audience.visibleTo(session.actor())) {
                session.send(errors.error("bad-frame", "There is no post " + postId + " that you may see."));
                return;
            }
            if (!editing.asBoolean()) {
                end(session, postId);
            } else if (audience.editableBy(session.actor())) {
                renew(session, postId);
            } else {
                end(session, postId);
                session.send(errors.error("not-allowed", "You may not edit post " + postId + "."));
            }
        } catch (DataAccessException e) {
            // The client renews within seconds; its lease is then written.
            log.warn("Presence frame of {} not recorded: {}", session.id(), e.toString());
        }
    }

    /** Spends one frame of the socket's allowance; answers a frame over it, and closes a socket that persists. */
    private boolean withinBudget(ClientSession session) {
        PresenceBudget budget = budget(session);
        switch (budget.take(clock.instant())) {
            case ACCEPT -> {
                return true;
            }
            case REFUSE -> session.send(errors.error("rate-limited", "Too many presence frames; at most "
                    + properties.presenceFramesPerSecond() + " a second after a burst of "
                    + properties.presenceFrameBurst() + "."));
            case CLOSE -> session.closeAfterCurrentWrite(CloseCodes.POLICY_VIOLATION);
        }
        return false;
    }

    /** Starts or renews the lease, writing it (and telling the cluster) only when the lease needs it. */
    private void renew(ClientSession session, UUID postId) {
        Actor actor = session.actor();
        PresenceBudget budget = budget(session);
        if (budget.needsWrite(postId, actor.name(), clock.instant(), properties.presenceTtl())) {
            PresenceEntry entry = leases.renew(session.id(), postId, actor);
            budget.wrote(postId, actor.name(), entry.expiresAt());
            announcer.started(entry);
        }
    }

    private void end(ClientSession session, UUID postId) {
        budget(session).ended(postId);
        leases.end(session.id(), postId).ifPresent(ended -> announcer.stopped(List.of(ended)));
    }

    private PresenceBudget budget(ClientSession session) {
        return budgets.computeIfAbsent(session.id(), id -> new PresenceBudget(properties.presenceFramesPerSecond(),
                properties.presenceFrameBurst(), clock.instant()));
    }

    /** The socket closed: its leases end at once. */
    void closed(ClientSession session) {
        budgets.remove(session.id());
        if (!session.isStaff()) {
            return;
        }
        try {
            announcer.stopped(leases.endSession(session.id()));
        } catch (DataAccessException e) {
            log.warn("Presence leases of {} left to expire: {}", session.id(), e.toString());
        }
    }

    /** The {@code presence-snapshot} frame for a staff client that just got {@code ready}. */
    String snapshot(Actor actor) {
        List<PresenceEntry> entries = leases.current();
        if (!seesEverything(actor) && !entries.isEmpty()) {
            Map<UUID, PostAudience> visible = audiences.of(entries.stream().map(PresenceEntry::postId).toList());
            entries = entries.stream().filter(entry -> visible.containsKey(entry.postId())
                    && visible.get(entry.postId()).visibleTo(actor)).toList();
        }
        return frames.snapshot(entries);
    }

    /** A notice from any instance: sent to this instance's staff clients who may see the post. */
    @Override
    public void on(PresenceNotice notice) {
        WireFrame frame = WireFrame.text(frames.presence(notice), false);
        PostAudience audience = null;
        boolean looked = false;
        for (ClientSession session : sessions.all()) {
            Actor actor = session.actor();
            if (session.state() != ClientSession.State.ACTIVE || actor == null) {
                continue;
            }
            if (!seesEverything(actor)) {
                if (!looked) {
                    audience = audiences.of(Set.of(notice.postId())).get(notice.postId());
                    looked = true;
                }
                if (audience == null || !audience.visibleTo(actor)) {
                    continue;
                }
            }
            session.send(frame);
        }
    }

    private static boolean seesEverything(Actor actor) {
        return PostPermissions.seesEverything(actor);
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
