package io.realtimeblog.realtime.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.realtimeblog.posts.PostAudience;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.session.ClientSession;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.realtime.stream.ReplayPool;
import io.realtimeblog.realtime.stream.StreamEntry;
import io.realtimeblog.realtime.wire.WireFrame;

/**
 * How a client that said {@code hello} catches up: the frames it missed (or {@code resync}), then {@code ready},
 * then (staff) the presence snapshot; then the session resumes and the live frames held back meanwhile follow.
 * A client with nothing to replay is answered at once, on the thread that handles its hello (a work thread of
 * {@link SocketWork} for staff, whose snapshot reads the database); a replay (from memory or from Kafka) is left to
 * the {@link ReplayPool}, because it needs the posts' current state from the database and perhaps a Kafka read,
 * and replays are batched there.
 */
final class CatchUp {

    private final Frames frames;
    private final RealtimeMetrics metrics;
    private final RealtimePresence presence;
    private final ReplayPool pool;

    CatchUp(Frames frames, RealtimeMetrics metrics, RealtimePresence presence, ReplayPool pool) {
        this.frames = frames;
        this.metrics = metrics;
        this.presence = presence;
        this.pool = pool;
    }

    /** Catches the joined session up from {@code since} (null: a first connect). */
    void start(ClientSession session, Long since, RealtimeSessions.Join join) {
        if (since == null || join.resyncReason() != null || !join.fromKafka() && join.replay().isEmpty()) {
            finish(session, since, join, join.resyncReason(), List.of());
            return;
        }
        pool.submit(new ReplayPool.Request(since, join.position(), join.fromKafka() ? null : join.replay(),
                (entries, now) -> finish(session, since, join, entries == null ? reason(join) : null,
                        entries == null ? List.of() : frames(session, entries, now))));
    }

    private static String reason(RealtimeSessions.Join join) {
        return join.fromKafka() ? "position-too-old" : "replay-unavailable";
    }

    private static List<WireFrame> frames(ClientSession session, List<StreamEntry> entries,
            Map<UUID, PostAudience> now) {
        List<WireFrame> out = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            WireFrame frame = session.replayFrameFor(entry, now.get(entry.postId()));
            if (frame != null) {
                out.add(frame);
            }
        }
        return out;
    }

    private void finish(ClientSession session, Long since, RealtimeSessions.Join join, String resync,
            List<WireFrame> replay) {
        metrics.resumed(since == null ? RealtimeMetrics.Resume.NONE
                : resync != null ? RealtimeMetrics.Resume.RESYNC
                : join.fromKafka() ? RealtimeMetrics.Resume.KAFKA : RealtimeMetrics.Resume.MEMORY);
        if (session.state() == ClientSession.State.CLOSING) {
            return;
        }
        List<WireFrame> out = new ArrayList<>(replay.size() + 3);
        if (resync != null) {
            out.add(control(frames.resync(resync, join.position())));
        } else {
            out.addAll(replay);
        }
        out.add(control(frames.ready(session.isStaff() ? "staff" : "public", join.position(), join.epoch())));
        if (session.isStaff()) {
            // Read after the session joined: a change committed later arrives as a live presence frame.
            out.add(control(presence.snapshot(session.actor())));
        }
        session.resume(out);
    }

    private static WireFrame control(String frame) {
        return WireFrame.text(frame, false);
    }
}
