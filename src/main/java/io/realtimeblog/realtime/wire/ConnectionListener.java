package io.realtimeblog.realtime.wire;

/** What happens on a {@link WebSocketConnection}; called on the container's threads. */
public interface ConnectionListener {

    /** The handshake is done; frames may be sent. */
    void opened(WebSocketConnection connection);

    /** A complete text message from the client. */
    void text(WebSocketConnection connection, String message);

    /** A write is out, carrying {@code events} frames marked as events. */
    void written(WebSocketConnection connection, int events);

    /** The connection is gone (once, however it ended). */
    void closed(WebSocketConnection connection);
}
