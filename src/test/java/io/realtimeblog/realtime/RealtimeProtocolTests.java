package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.auth.TestTokens;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** WebSocket protocol v1: the hello handshake, bad input, close codes, in-band token refresh, origins. */
@IntegrationTest
class RealtimeProtocolTests extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    Staff editor;

    @BeforeEach
    void setUp() {
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void helloWithATokenJoinsStaffAndWithoutJoinsPublic() {
        TestSocket staff = sockets.open();
        JsonNode ready = staff.join(editor.token(), null);
        assertThat(ready.get("audience").asString()).isEqualTo("staff");
        assertThat(ready.get("protocol").asInt()).isEqualTo(1);
        assertThat(ready.get("epoch").asString()).isNotBlank();
        assertThat(ready.has("position")).isTrue();

        TestSocket reader = sockets.open();
        assertThat(reader.join(null, null).get("audience").asString()).isEqualTo("public");
        staff.close();
        reader.close();
    }

    @Test
    void garbageAsFirstFrameClosesWithProtocolError() {
        assertThat(sockets.open().send("this is not json").awaitClose()).isEqualTo(4009);
        assertThat(sockets.open().send("[1,2]").awaitClose()).isEqualTo(4009);
    }

    @Test
    void aFirstFrameOfAnotherTypeClosesWithProtocolError() {
        assertThat(sockets.open().send("{\"type\":\"ping\"}").awaitClose()).isEqualTo(4009);
        assertThat(sockets.open().send("{\"type\":\"hello\",\"since\":\"yesterday\"}").awaitClose())
                .isEqualTo(4009);
        assertThat(sockets.open().send("{\"type\":\"hello\",\"token\":42}").awaitClose())
                .isEqualTo(4009);
    }

    @Test
    void anUnsignedTokenClosesWithUnauthorized() {
        String forged = TestTokens.unsigned(editor.id());
        assertThat(sockets.open().hello(forged, null).awaitClose()).isEqualTo(4001);
        assertThat(sockets.open().hello("not.a.jwt", null).awaitClose()).isEqualTo(4001);
    }

    @Test
    void anExpiredTokenClosesWithReauthenticate() {
        String expired = TestTokens.signed(context, editor.id(), "EDITOR", Instant.now().minusSeconds(60));
        assertThat(sockets.open().hello(expired, null).awaitClose()).isEqualTo(4004);
    }

    @Test
    void noHelloInTimeClosesWithHelloTimeout() {
        assertThat(sockets.open().awaitClose()).isEqualTo(4002);
    }

    @Test
    void anOversizedFrameClosesWith1009() {
        TestSocket socket = sockets.joined(editor.token());
        socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertThat(socket.awaitClose()).isEqualTo(1009);
    }

    @Test
    void aBinaryFrameClosesWithUnsupportedData() {
        TestSocket socket = sockets.joined(editor.token());
        socket.sendBinary(new byte[100]);
        assertThat(socket.awaitClose()).isEqualTo(1003);
    }

    @Test
    void aLargeBinaryFrameAlsoClosesWithUnsupportedData() {
        TestSocket socket = sockets.joined(editor.token());
        socket.sendBinary(new byte[100_000]);
        assertThat(socket.awaitClose()).isEqualTo(1003);
    }

    @Test
    void aBadFrameMidSessionGetsAnErrorFrameAndTheSocketStaysOpen() {
        TestSocket socket = sockets.joined(editor.token());
        socket.send("{oops");
        assertThat(socket.await("error").get("code").asString()).isEqualTo("bad-frame");
        socket.send("{\"type\":\"dance\"}");
        Awaitility.await().until(() -> socket.frames().stream()
                .anyMatch(f -> "unknown-type".equals(f.path("code").asString())));
        socket.send("{\"type\":\"ping\"}");
        assertThat(socket.await("pong")).isNotNull();
        assertThat(socket.isClosed()).isFalse();
        socket.close();
    }

    @Test
    void anExpiringTokenRefreshedInBandKeepsTheSocketAndOneNotRefreshedIsClosed() {
        Instant soon = Instant.now().plusSeconds(2);
        TestSocket refreshed = sockets.joined(TestTokens.signed(context, editor.id(), "EDITOR", soon));
        TestSocket stale = sockets.joined(TestTokens.signed(context, editor.id(), "EDITOR", soon));

        refreshed.send("{\"type\":\"auth\",\"token\":\"" + editor.token() + "\"}");
        assertThat(refreshed.await("authenticated").get("expiresAt").asString()).isNotBlank();

        assertThat(stale.awaitClose()).isEqualTo(4004);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> !refreshed.isClosed());
        refreshed.close();
    }

    @Test
    void aBrowserPageFromAnotherOriginIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> sockets.open("https://evil.example"))
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .rootCause().hasMessageContaining("status code 403");
        TestSocket allowed = sockets.open("http://localhost:" + port);
        assertThat(allowed.join(null, null).get("audience").asString()).isEqualTo("public");
        allowed.close();
    }

    @Test
    void aPublicSocketCannotUpgradeInBand() {
        TestSocket reader = sockets.joined(null);
        reader.send("{\"type\":\"auth\",\"token\":\"" + editor.token() + "\"}");
        assertThat(reader.await("error").get("code").asString()).isEqualTo("not-staff");
        reader.close();
    }
}
