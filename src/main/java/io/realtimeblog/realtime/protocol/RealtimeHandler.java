package io.realtimeblog.realtime.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.realtimeblog.auth.AccessTokenVerifier;
import io.realtimeblog.auth.AccessTokenVerifier.Verification;
import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.session.ClientSession;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.realtime.wire.ConnectionListener;
import io.realtimeblog.realtime.wire.WebSocketConnection;
import io.realtimeblog.realtime.wire.WireFrame;
import tools.jackson.databind.JsonNode;

/**
 * WebSocket protocol v1 at {@code /ws} (docs/websocket-protocol.md): a client opens the socket, says
 * {@code hello} (with an access token for the staff audience, without for the public one, and optionally the
 * position to resume from), gets the missed events or a {@code resync}, then {@code ready}, then live events.
 * The socket's thread decodes a frame and hands it to the socket's lane of {@link SocketWork}, where the frames are
 * handled in order; a frame whose handling may wait on the database or Kafka always runs on the work threads, any
 * other runs at once on the socket's thread when nothing of the socket is waiting or running (so an answer is sent
 * before a later bad frame closes the socket). A {@code ping} after {@code hello} is answered at once. A socket whose
 * lane is full ({@code blog.realtime.max-pending-frames}) is closed with 1008.
 */
class RealtimeHandler implements ConnectionListener {


    private final RealtimeSessions sessions;
    private final SocketWork work;
    /** Concurrent: added on the request thread that opens a socket, removed by the thread that ends it. */
    private final Map<String, SocketWork.Lane> lanes = new ConcurrentHashMap<>();
    private final CatchUp catchUp;
    private final AccessTokenVerifier tokens;
    private final RealtimeProperties properties;
    private final Frames frames;
    private final RealtimeMetrics metrics;
    private final RealtimePresence presence;

    RealtimeHandler(RealtimeSessions sessions, SocketWork work, CatchUp catchUp, AccessTokenVerifier tokens,
            RealtimeProperties properties, Frames frames, RealtimeMetrics metrics, RealtimePresence presence) {
        this.sessions = sessions;
        this.work = work;
        this.catchUp = catchUp;
        this.tokens = tokens;
        this.properties = properties;
        this.frames = frames;
        this.metrics = metrics;
        this.presence = presence;
    }

    @Override
    public void opened(WebSocketConnection connection) {
        var now = sessions.now();
        lanes.put(connection.id(), work.lane());
        sessions.add(new ClientSession(connection, metrics, properties.maxQueuedFrames(), now,
                now.plus(properties.helloTimeout())));
    }

    /** On the socket's thread: decodes the frame and hands it to the socket's lane (a ping after hello: answers). */
    @Override
    public void text(WebSocketConnection connection, String message) {
        ClientSession session = sessions.get(connection.id());
        SocketWork.Lane lane = lanes.get(connection.id());
        if (session == null || lane == null || session.state() == ClientSession.State.CLOSING) {
            return;
        }
        session.heard(sessions.now());
        Frames.Inbound frame = frames.read(message);
        if (session.state() == ClientSession.State.ACTIVE && frame.valid() && "ping".equals(frame.type())) {
            // Nothing to wait for; before ready a paused session holds the pong back behind it.
            session.send(frames.pong());
            return;
        }
        Runnable task = () -> handle(connection, session, frame);
        if (!(mayWait(session, frame) ? lane.offer(task) : lane.runHereOrOffer(task))) {
            session.closeAfterCurrentWrite(CloseCodes.POLICY_VIOLATION);
        }
    }

    /**
     * Whether handling the frame may wait on the database or Kafka: a hello with a token (the token's holder, then
     * the presence snapshot), and a staff socket's auth and presence frames. The answer is only used while the
     * socket's lane is idle, when the session's state is settled.
     */
    private static boolean mayWait(ClientSession session, Frames.Inbound frame) {
        if (!frame.valid()) {
            return false;
        }
        return switch (frame.type()) {
            case "hello" -> session.state() == ClientSession.State.AWAITING_HELLO && frame.body().has("token");
            case "auth", "presence" -> session.isStaff();
            default -> false;
        };
    }

    /** On the socket's lane: what the frame asks for; a failure closes the socket with 1011, as the transport does. */
    private void handle(WebSocketConnection connection, ClientSession session, Frames.Inbound frame) {
        if (session.state() == ClientSession.State.CLOSING) {
            return;
        }
        try {
            handle(session, frame);
        } catch (RuntimeException e) {
            connection.failed(e);
        }
    }

    private void handle(ClientSession session, Frames.Inbound frame) {
        if (session.state() == ClientSession.State.AWAITING_HELLO) {
            hello(session, frame);
            return;
        }
        if (!frame.valid()) {
            session.send(frames.error("bad-frame", frame.problem()));
            return;
        }
        switch (frame.type()) {
            case "ping" -> session.send(frames.pong());
            case "auth" -> auth(session, frame);
            case "presence" -> presence.received(session, frame);
            case "hello" -> session.send(frames.error("already-greeted", "hello is only valid as the first frame."));
            default -> session.send(frames.error("unknown-type", "Unknown frame type \"" + frame.type() + "\"."));
        }
    }

    private void hello(ClientSession session, Frames.Inbound frame) {
        if (!frame.valid() || !"hello".equals(frame.type())) {
            session.closeAfterCurrentWrite(CloseCodes.PROTOCOL_ERROR);
            return;
        }
        JsonNode sinceNode = frame.body().get("since");
        JsonNode tokenNode = frame.body().get("token");
        boolean sinceValid = sinceNode == null || sinceNode.isNull()
                || sinceNode.isIntegralNumber() && sinceNode.canConvertToLong() && sinceNode.asLong() >= -1;
        boolean tokenValid = tokenNode == null || tokenNode.isNull() || tokenNode.isString();
        String token = frame.text("token");
        if (!sinceValid || !tokenValid) {
            session.closeAfterCurrentWrite(CloseCodes.PROTOCOL_ERROR);
            return;
        }
        if (token != null) {
            Verification verification = tokens.verify(token);
            if (verification.outcome() != AccessTokenVerifier.Outcome.VALID) {
                session.closeAfterCurrentWrite(verification.outcome() == AccessTokenVerifier.Outcome.EXPIRED
                        ? CloseCodes.REAUTHENTICATE : CloseCodes.UNAUTHORIZED);
                return;
            }
            session.refreshToken(verification);
        }
        Long since = sinceNode == null || sinceNode.isNull() ? null : sinceNode.asLong();
        catchUp.start(session, since, sessions.join(session, since, frame.text("epoch")));
    }

    private void auth(ClientSession session, Frames.Inbound frame) {
        if (!session.isStaff()) {
            session.send(frames.error("not-staff", "This socket joined the public audience; reconnect with a token."));
            return;
        }
        Verification verification = tokens.verify(frame.text("token"));
        if (verification.outcome() == AccessTokenVerifier.Outcome.VALID
                && verification.actor().id().equals(session.actor().id())) {
            session.refreshToken(verification);
            session.send(frames.authenticated(verification.expiresAt()));
        } else {
            session.closeAfterCurrentWrite(verification.outcome() == AccessTokenVerifier.Outcome.EXPIRED
                    ? CloseCodes.REAUTHENTICATE : CloseCodes.UNAUTHORIZED);
        }
    }

    private static WireFrame control(String frame) {
        return WireFrame.text(frame, false);
    }

    @Override
    public void written(WebSocketConnection connection, int events) {
        ClientSession session = sessions.get(connection.id());
        if (session != null) {
            metrics.delivered(session.isStaff(), events);
        }
    }

    @Override
    public void heard(WebSocketConnection connection) {
        ClientSession session = sessions.get(connection.id());
        if (session != null) {
            session.heard(sessions.now());
        }
    }

    @Override
    public void refused(WebSocketConnection connection, int code) {
        metrics.refused(code);
    }

    /**
     * On whichever thread ended the connection (perhaps inside the fan-out lock): removes the session and leaves
     * ending its leases to its lane, behind the task under way; frames still waiting there are dropped.
     */
    @Override
    public void closed(WebSocketConnection connection) {
        ClientSession session = sessions.get(connection.id());
        sessions.remove(connection.id());
        SocketWork.Lane lane = lanes.remove(connection.id());
        if (session != null && lane != null) {
            lane.end(() -> presence.closed(session));
        }
    }
}
