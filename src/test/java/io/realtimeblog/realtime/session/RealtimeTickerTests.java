package io.realtimeblog.realtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.realtimeblog.MutableClock;
import io.realtimeblog.auth.AccessTokenVerifier;
import io.realtimeblog.auth.AccessTokenVerifier.Verification;
import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.realtime.CloseCodes;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.stream.StreamEntry;
import io.realtimeblog.realtime.wire.WebSocketConnection;
import io.realtimeblog.realtime.wire.WireFrame;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/** The once-a-second housekeeping, on a clock the test moves: hello timeout, token expiry, idleness, heartbeats. */
class RealtimeTickerTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final RealtimeProperties properties = new RealtimeProperties(List.of("*"), Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(60), 100, 100, 16384, Duration.ofSeconds(30), 1, 10, 100, 1, 10, 1,
            Duration.ofSeconds(5), 2, 32);
    private final RealtimeMetrics metrics = new RealtimeMetrics(new SimpleMeterRegistry());
    private RealtimeSessions sessions;
    private RealtimeTicker ticker;

    @BeforeEach
    void setUp() {
        sessions = new RealtimeSessions(properties, clock, metrics, new FanOutThreads(properties));
        ticker = new RealtimeTicker(sessions, properties);
    }

    @Test
    void aSocketWithoutHelloIsClosedAfterTheHelloTimeout() throws Exception {
        WebSocketConnection socket = connect();
        clock.advance(Duration.ofSeconds(4));
        ticker.tick();
        verify(socket, never()).close(org.mockito.ArgumentMatchers.anyInt(), any());
        clock.advance(Duration.ofSeconds(2));
        ticker.tick();
        verify(socket).close(CloseCodes.HELLO_TIMEOUT.code(), CloseCodes.HELLO_TIMEOUT.reason());
    }

    @Test
    void aStaffSocketWhoseTokenExpiresIsToldToReauthenticateUnlessRefreshed() throws Exception {
        WebSocketConnection expiring = connect();
        WebSocketConnection refreshed = connect();
        join(expiring, clock.instant().plusSeconds(30));
        join(refreshed, clock.instant().plusSeconds(30));
        sessions.get(refreshed.id()).refreshToken(valid(clock.instant().plusSeconds(900)));

        clock.advance(Duration.ofSeconds(31));
        sessions.get(expiring.id()).heard(clock.instant());
        sessions.get(refreshed.id()).heard(clock.instant());
        ticker.tick();

        verify(expiring).close(CloseCodes.REAUTHENTICATE.code(), CloseCodes.REAUTHENTICATE.reason());
        verify(refreshed, never()).close(org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void aSilentSocketIsClosedAsIdleAndALiveOneGetsHeartbeats() throws Exception {
        WebSocketConnection silent = connect();
        WebSocketConnection chatty = connect();
        join(silent, null);
        join(chatty, null);
        for (int second = 0; second < 61; second++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.get(chatty.id()).heard(clock.instant());
            ticker.tick();
        }
        verify(silent).close(CloseCodes.IDLE.code(), CloseCodes.IDLE.reason());
        verify(chatty, never()).close(org.mockito.ArgumentMatchers.anyInt(), any());
        ArgumentCaptor<WireFrame> sent = ArgumentCaptor.forClass(WireFrame.class);
        verify(chatty, org.mockito.Mockito.atLeast(3)).send(sent.capture());
        assertThat(sent.getAllValues()).map(WireFrame::toString).contains("{\"type\":\"heartbeat\"}");
    }

    @Test
    void aHelloWhoseTokenCheckOutlastsTheHelloTimeoutDoesNotReviveTheClosedSocket() throws Exception {
        WebSocketConnection socket = connect();
        ClientSession session = sessions.get(socket.id());
        clock.advance(properties.helloTimeout().plusSeconds(1));
        ticker.tick(); // closes the socket while its hello waits on a work thread for the token's check

        sessions.join(session, null, null); // the check came back: the hello joins
        session.resume(List.of());

        assertThat(session.state()).isEqualTo(ClientSession.State.CLOSING);
        assertThat(sessions.joined(false)).isZero();
        sessions.publish(entryFor(UUID.randomUUID()));
        sessions.flush();
        verify(socket, never()).send(any());
    }

    private static StreamEntry entryFor(UUID postId) {
        WireFrame frame = WireFrame.text("{\"type\":\"post-published\"}", true);
        return new StreamEntry(1, postId, 1, UUID.randomUUID(), PostStatus.PUBLISHED, false, frame, frame, false);
    }

    private WebSocketConnection connect() {
        WebSocketConnection socket = mock(WebSocketConnection.class);
        when(socket.id()).thenReturn(UUID.randomUUID().toString());
        sessions.add(new ClientSession(socket, metrics, 100, clock.instant(),
                clock.instant().plus(properties.helloTimeout())));
        return socket;
    }

    private Verification valid(Instant expiresAt) {
        return new Verification(AccessTokenVerifier.Outcome.VALID, actor(), expiresAt, UUID.randomUUID().toString(),
                null);
    }

    private void join(WebSocketConnection socket, Instant tokenExpiry) {
        ClientSession session = sessions.get(socket.id());
        if (tokenExpiry != null) {
            session.refreshToken(valid(tokenExpiry));
        }
        sessions.join(session, null, null);
        session.resume(List.of());
    }

    private static Actor actor() {
        return new Actor(UUID.randomUUID(), "Ana", Role.EDITOR);
    }
}
