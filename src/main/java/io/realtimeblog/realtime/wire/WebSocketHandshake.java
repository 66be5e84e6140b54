package io.realtimeblog.realtime.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The server side of the RFC 6455 opening handshake, on the servlet container's HTTP upgrade. */
public final class WebSocketHandshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** Why a request is not a handshake this server accepts, with the HTTP status to answer. */
    public static final class Refused extends Exception {

        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private WebSocketHandshake() {
    }

    /**
     * Answers 101 and hands the socket to a new connection once the servlet returns. No subprotocol and no
     * extension is agreed (browsers offer permessage-deflate; frames then go uncompressed).
     */
    public static WebSocketConnection upgrade(HttpServletRequest request, HttpServletResponse response, String id,
            ConnectionListener listener, WireLimits limits) throws Refused, IOException, ServletException {
        if (!hasToken(request, "Upgrade", "websocket") || !hasToken(request, "Connection", "upgrade")) {
            throw new Refused(400, "This endpoint takes WebSocket connections only (Upgrade: websocket).");
        }
        if (!"13".equals(request.getHeader("Sec-WebSocket-Version"))) {
            throw new Refused(426, "Only WebSocket version 13 is supported.");
        }
        String key = request.getHeader("Sec-WebSocket-Key");
        if (!validKey(key)) {
            throw new Refused(400, "Sec-WebSocket-Key must be 16 bytes in base64.");
        }
        response.setHeader("Upgrade", "websocket");
        response.setHeader("Connection", "Upgrade");
        response.setHeader("Sec-WebSocket-Accept", accept(key));
        WebSocketConnection connection = request.upgrade(WebSocketConnection.class);
        connection.configure(id, listener, limits);
        return connection;
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-1", e);
        }
    }

    private static boolean validKey(String key) {
        if (key == null) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasToken(HttpServletRequest request, String header, String token) {
        for (String value : Collections.list(request.getHeaders(header))) {
            for (String part : value.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
