package io.realtimeblog.realtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.realtimeblog.posts.PostAudience;
import io.realtimeblog.posts.PostAudiences;
import io.realtimeblog.realtime.presence.PresenceAnnouncer;
import io.realtimeblog.realtime.presence.PresenceEntry;
import io.realtimeblog.realtime.presence.PresenceFrames;
import io.realtimeblog.realtime.presence.PresenceLeases;
import io.realtimeblog.realtime.presence.PresenceListener;
import io.realtimeblog.realtime.presence.PresenceNotice;
import io.realtimeblog.realtime.wire.WireFrame;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Presence on the sockets of this instance ("Ana is editing"): takes the clients' {@code presence} frames (leases
 * in the database, notices to every instance), ends a socket's leases when it closes, sends the snapshot after
 * {@code ready}, and fans the cluster's notices out to the staff who may see the post, by the same rule as REST
 * reads: ADMIN and EDITOR every post, AUTHOR and CONTRIBUTOR their own and published ones.
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

    RealtimePresence(RealtimeSessions sessions, PresenceLeases leases, PresenceAnnouncer announcer,
            PostAudiences audiences, JsonMapper json) {
        this.sessions = sessions;
        this.leases = leases;
        this.announcer = announcer;
        this.audiences = audiences;
        this.frames = new PresenceFrames(json);
        this.errors = new Frames(json);
    }

    /** A {@code presence} frame from the client: start, renew or end its lease on the post. */
    void received(ClientSession session, Frames.Inbound frame) {
        if (!session.isStaff()) {
            session.send(errors.error("not-staff", "Presence is for staff; reconnect with a token."));
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
            if (editing.asBoolean()) {
                announcer.started(leases.renew(session.id(), postId, session.actor()));
            } else {
                leases.end(session.id(), postId).ifPresent(ended -> announcer.stopped(List.of(ended)));
            }
        } catch (DataAccessException e) {
            // The client renews within seconds; its lease is then written.
            log.warn("Presence frame of {} not recorded: {}", session.id(), e.toString());
        }
    }

    /** The socket closed: its leases end at once. */
    void closed(ClientSession session) {
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
        return actor.is(Role.ADMIN) || actor.is(Role.EDITOR);
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
