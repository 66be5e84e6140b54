package io.realtimeblog.realtime;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeblog.MutableClock;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/** The once-a-second housekeeping, on a clock the test moves: hello timeout, token expiry, idleness, heartbeats. */
class RealtimeTickerTests {

    private static final Executor INLINE = Runnable::run;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final RealtimeProperties properties = new RealtimeProperties(List.of("*"), Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(60), 100, 100, 16384, 1, Duration.ofSeconds(30));
    private final RealtimeMetrics metrics = new RealtimeMetrics(new SimpleMeterRegistry());
    private RealtimeSessions sessions;
    private RealtimeTicker ticker;

    @BeforeEach
    void setUp() {
        sessions = new RealtimeSessions(properties, clock, metrics);
        ticker = new RealtimeTicker(sessions, properties);
    }

    @Test
    void aSocketWithoutHelloIsClosedAfterTheHelloTimeout() throws Exception {
        WebSocketSession socket = connect();
        clock.advance(Duration.ofSeconds(4));
        ticker.tick();
        verify(socket, never()).close(any());
        clock.advance(Duration.ofSeconds(2));
        ticker.tick();
        verify(socket).close(CloseCodes.HELLO_TIMEOUT);
    }

    @Test
    void aStaffSocketWhoseTokenExpiresIsToldToReauthenticateUnlessRefreshed() throws Exception {
        WebSocketSession expiring = connect();
        WebSocketSession refreshed = connect();
        join(expiring, clock.instant().plusSeconds(30));
        join(refreshed, clock.instant().plusSeconds(30));
        sessions.get(refreshed.getId()).refreshToken(actor(), clock.instant().plusSeconds(900));

        clock.advance(Duration.ofSeconds(31));
        sessions.get(expiring.getId()).heard(clock.instant());
        sessions.get(refreshed.getId()).heard(clock.instant());
        ticker.tick();

        verify(expiring).close(CloseCodes.REAUTHENTICATE);
        verify(refreshed, never()).close(any());
    }

    @Test
    void aSilentSocketIsClosedAsIdleAndALiveOneGetsHeartbeats() throws Exception {
        WebSocketSession silent = connect();
        WebSocketSession chatty = connect();
        join(silent, null);
        join(chatty, null);
        for (int second = 0; second < 61; second++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.get(chatty.getId()).heard(clock.instant());
            ticker.tick();
        }
        verify(silent).close(CloseCodes.IDLE);
        verify(chatty, never()).close(any());
        verify(chatty, org.mockito.Mockito.atLeast(3)).sendMessage(new TextMessage("{\"type\":\"heartbeat\"}"));
    }

    private WebSocketSession connect() {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn(UUID.randomUUID().toString());
        when(socket.isOpen()).thenReturn(true);
        sessions.add(new ClientSession(socket, INLINE, metrics, 100, clock.instant(),
                clock.instant().plus(properties.helloTimeout())));
        return socket;
    }

    private void join(WebSocketSession socket, Instant tokenExpiry) {
        ClientSession session = sessions.get(socket.getId());
        if (tokenExpiry != null) {
            session.refreshToken(actor(), tokenExpiry);
        }
        sessions.join(session, null, null);
        session.resume(List.of());
    }

    private static Actor actor() {
        return new Actor(UUID.randomUUID(), "Ana", Role.EDITOR);
    }
}
