package io.realtimeblog.realtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.session.ClientSession;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.realtime.wire.WebSocketConnection;

/** The handler's part of keeping a socket alive (the ticker's idle rule is in {@code RealtimeTickerTests}). */
class RealtimeHandlerTests {

    private final RealtimeMetrics metrics = new RealtimeMetrics(new SimpleMeterRegistry());

    @Test
    void pingsAndPongsOfTheWebSocketLayerCountAsHearingFromTheClient() {
        Instant opened = Instant.parse("2026-11-26T12:00:00Z");
        Instant later = opened.plusSeconds(30);
        WebSocketConnection socket = mock(WebSocketConnection.class);
        when(socket.id()).thenReturn("1");
        ClientSession session = new ClientSession(socket, metrics, 100, opened, opened.plusSeconds(5));
        RealtimeSessions sessions = mock(RealtimeSessions.class);
        when(sessions.get("1")).thenReturn(session);
        when(sessions.now()).thenReturn(later);
        RealtimeHandler handler = new RealtimeHandler(sessions, null, null, null, null, null, metrics, null);

        handler.heard(socket);

        assertThat(session.lastHeard()).isEqualTo(later);
    }
}
