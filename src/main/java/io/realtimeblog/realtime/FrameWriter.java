package io.realtimeblog.realtime;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.websocket.Session;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Writes one text frame and reports when it is out. On the servlet container's standard WebSocket session the
 * write is asynchronous (no thread waits for a slow client); any other session is written synchronously.
 */
interface FrameWriter {

    long SEND_TIMEOUT_MILLIS = 30_000;

    /** Starts writing {@code text}; {@code done} receives null on success or the failure. */
    void write(String text, Consumer<Throwable> done);

    static FrameWriter of(WebSocketSession socket) {
        Session standard = socket instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(Session.class) : null;
        if (standard != null) {
            // A write that a dead client never takes completes as failed after this, and the socket is closed.
            standard.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
            return (text, done) -> standard.getAsyncRemote()
                    .sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        }
        return (text, done) -> {
            try {
                socket.sendMessage(new TextMessage(text));
                done.accept(null);
            } catch (IOException | RuntimeException e) {
                done.accept(e);
            }
        };
    }
}
