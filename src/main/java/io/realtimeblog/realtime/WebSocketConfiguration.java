package io.realtimeblog.realtime;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import io.realtimeblog.auth.AccessTokenVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The WebSocket endpoint {@code /ws}: origin check, frame size limit, the sender threads. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    /** The largest binary frame that is read (then refused with 1003); a larger one closes with 1009. */
    static final int BINARY_FRAME_BUFFER_BYTES = 1024;

    private final RealtimeProperties properties;
    private final RealtimeHandler handler;

    WebSocketConfiguration(RealtimeProperties properties, RealtimeSessions sessions, KafkaReplay replay,
            AccessTokenVerifier tokens, JsonMapper json, RealtimeMetrics metrics, RealtimePresence presence) {
        this.properties = properties;
        this.handler = new RealtimeHandler(sessions, replay, tokens, properties, senders(properties),
                new Frames(json), metrics, presence);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws")
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Inbound frames larger than the limit close the socket with 1009 (message too big). Tomcat allocates both
     * buffers for every socket up front; binary frames are refused (1003) whatever they hold, so theirs is kept
     * small: 15 KB less heap per open socket (docs/benchmarks.md).
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.maxInboundFrameBytes());
        container.setMaxBinaryMessageBufferSize(BINARY_FRAME_BUFFER_BYTES);
        return container;
    }

    private static ExecutorService senders(RealtimeProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.senderThreads(), r -> {
            Thread thread = new Thread(r, "realtime-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
