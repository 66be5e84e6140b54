package io.realtimeblog.realtime.protocol;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.realtimeblog.auth.AccessTokenVerifier;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.metrics.RealtimeMetrics;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.realtime.stream.ReplayPool;
import tools.jackson.databind.json.JsonMapper;

/** The protocol handler behind {@code /ws} ({@link WebSocketEndpoint} does the handshake) and socket sizing. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /**
     * Tomcat gives every connection a read and a write buffer of its own (8 KiB each by default), which an open
     * WebSocket keeps for its whole life. Neither is on the hot path here: socket reads go straight into a
     * per-thread buffer and frame writes are gathering writes of the shared frame bytes, and Tomcat writes HTTP
     * responses past an empty buffer directly. 1 KiB each saves 14 KiB of heap per open socket
     * (docs/benchmarks.md).
     */
    static final String SOCKET_BUFFER_BYTES = "1024";

    @Bean
    RealtimeHandler realtimeHandler(RealtimeSessions sessions, SocketWork work, ReplayPool replays,
            AccessTokenVerifier tokens, RealtimeProperties properties, JsonMapper json, RealtimeMetrics metrics,
            RealtimePresence presence) {
        Frames frames = new Frames(json);
        return new RealtimeHandler(sessions, work, new CatchUp(frames, metrics, presence, replays), tokens,
                properties, frames, metrics, presence);
    }

    @Bean
    TomcatConnectorCustomizer smallSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", SOCKET_BUFFER_BYTES);
            connector.setProperty("socket.appWriteBufSize", SOCKET_BUFFER_BYTES);
        };
    }
}
