package io.realtimeblog.realtime.wire;

/** What happens on a {@link WebSocketConnection}; called on the container's threads. */
public interface ConnectionListener {

    /** The handshake is done; frames may be sent. */
    void opened(WebSocketConnection connection);

    /** A complete text message from the client. */
    void text(WebSocketConnection connection, String message);

    /** A ping or pong from the client (answered here): like any frame, it shows the client is alive. */
    void heard(WebSocketConnection connection);

    /** A write is out, carrying {@code events} frames marked as events. */
    void written(WebSocketConnection connection, int events);

    /**
     * The client broke a rule of the transport (docs/websocket-protocol.md, "Transport rules and limits") and is
     * being closed with {@code code}: 1002, 1003, 1007, 1008, 1009, or 1011 when handling its message failed.
     */
    void refused(WebSocketConnection connection, int code);

    /** The connection is gone (once, however it ended). */
    void closed(WebSocketConnection connection);
}
