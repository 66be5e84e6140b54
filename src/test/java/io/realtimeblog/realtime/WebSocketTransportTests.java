package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.users.Role;

/**
 * The WebSocket layer under protocol v1 (realtime/wire), seen from a client that writes raw frames: pings,
 * fragmented messages, and a client that never finishes the close handshake.
 */
@IntegrationTest
class WebSocketTransportTests extends AbstractIntegrationTest {

    @Test
    void aPingIsAnsweredWithAPongCarryingTheSamePayload() throws Exception {
        try (RawWebSocket raw = sockets.raw(65_536)) {
            raw.sendFrame(0x89, "are you there".getBytes(StandardCharsets.UTF_8));
            RawWebSocket.Frame pong = raw.read();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("are you there");
        }
    }

    @Test
    void aHelloSentInFragmentsIsReadAsOneMessage() throws Exception {
        String token = accounts.tokenFor(Role.EDITOR);
        String hello = "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
        int cut = hello.length() / 2;
        try (RawWebSocket raw = sockets.raw(65_536)) {
            raw.sendFrame(0x01, hello.substring(0, cut).getBytes(StandardCharsets.UTF_8));
            raw.sendFrame(0x80, hello.substring(cut).getBytes(StandardCharsets.UTF_8));
            assertThat(raw.readUntil("\"ready\"")).contains("\"audience\":\"staff\"");
        }
    }

    @Test
    void aClientThatNeverAnswersTheCloseFrameIsDisconnectedAfterTheCloseTimeout() throws Exception {
        try (RawWebSocket raw = sockets.raw(65_536)) {
            raw.sendText("not a hello");
            assertThat(raw.readUntilClose()).isEqualTo(CloseCodes.PROTOCOL_ERROR.code());
            long closeReceived = System.nanoTime();
            // The client stays silent: the server drops the connection once the 5 s close timeout has passed.
            assertThat(raw.readToEnd()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - closeReceived)).isBetween(Duration.ofSeconds(3),
                    Duration.ofSeconds(15));
        }
    }
}
