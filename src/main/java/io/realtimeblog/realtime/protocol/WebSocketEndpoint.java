package io.realtimeblog.realtime.protocol;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import io.realtimeblog.realtime.RealtimeProperties;
import io.realtimeblog.realtime.wire.WebSocketHandshake;
import io.realtimeblog.realtime.wire.WireLimits;
import io.realtimeblog.web.ProblemTypes;

/**
 * {@code GET /ws}: the WebSocket handshake (protocol v1, docs/websocket-protocol.md). A browser page from an
 * origin that is not allowed gets 403; anything that is not a WebSocket handshake gets a 4xx problem.
 */
@Hidden
@RestController
class WebSocketEndpoint {

    private final RealtimeHandler handler;
    private final WireLimits limits;
    /** Set in the constructor, then only read (on request threads). */
    private final CorsConfiguration origins = new CorsConfiguration();
    /** Numbers the connections; taken on request threads. */
    private final AtomicLong ids = new AtomicLong();

    WebSocketEndpoint(RealtimeHandler handler, RealtimeProperties properties) {
        this.handler = handler;
        this.limits = properties.wireLimits();
        this.origins.setAllowedOriginPatterns(properties.allowedOrigins());
    }

    @GetMapping("/ws")
    void handshake(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameOrigin(request, origin) && origins.checkOrigin(origin) == null) {
            throw problem(HttpStatus.FORBIDDEN, "websocket-origin-refused",
                    "Pages from " + origin + " may not open this socket (blog.realtime.allowed-origins).");
        }
        try {
            WebSocketHandshake.upgrade(request, response, Long.toString(ids.incrementAndGet(), 36), handler,
                    limits);
        } catch (WebSocketHandshake.Refused refused) {
            ErrorResponseException problem = problem(HttpStatus.valueOf(refused.status()), "websocket-handshake",
                    refused.getMessage());
            if (refused.status() == HttpStatus.UPGRADE_REQUIRED.value()) {
                problem.getHeaders().set("Sec-WebSocket-Version", "13");
            }
            throw problem;
        }
    }

    private static boolean sameOrigin(HttpServletRequest request, String origin) {
        try {
            var parsed = UriComponentsBuilder.fromUriString(origin).build();
            return request.getServerName().equalsIgnoreCase(parsed.getHost())
                    && request.getServerPort() == (parsed.getPort() != -1 ? parsed.getPort()
                            : "https".equals(parsed.getScheme()) ? 443 : 80)
                    && request.getScheme().equalsIgnoreCase(parsed.getScheme());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        return new ErrorResponseException(status,
                ProblemTypes.problem(status, slug, "The WebSocket handshake was refused", detail), null);
    }
}
