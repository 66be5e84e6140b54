package io.realtimeblog.doctor;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff WebSocket client (the JDK's) following docs/websocket-protocol.md: hello with the token, wait for
 * {@code ready}, then note when the event of a given type for a given post arrives.
 */
final class ProbeSocket implements WebSocket.Listener, AutoCloseable {

    private final JsonMapper json;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final ConcurrentHashMap<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private WebSocket socket;

    private ProbeSocket(JsonMapper json) {
        this.json = json;
    }

    static ProbeSocket join(Instance instance, String token, Duration timeout) throws Exception {
        ProbeSocket probe = new ProbeSocket(instance.json());
        probe.socket = instance.http().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(instance.webSocket(), probe).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        probe.socket.sendText(instance.json().writeValueAsString(
                java.util.Map.of("type", "hello", "token", token)), true);
        CompletableFuture.anyOf(probe.ready, probe.closed).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!probe.ready.isDone()) {
            throw new IllegalStateException("the server closed the socket with code " + probe.closed.join()
                    + " instead of answering hello with ready");
        }
        return probe;
    }

    /** Completes with {@link System#nanoTime()} when the event {@code type} for {@code postId} arrives. */
    CompletableFuture<Long> arrival(String type, String postId) {
        return arrivals.computeIfAbsent(type + "/" + postId, key -> new CompletableFuture<>());
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            JsonNode frame = json.readTree(partial.toString());
            partial.setLength(0);
            String type = frame.path("type").asString();
            if ("ready".equals(type)) {
                ready.complete(frame);
            } else if ("event".equals(type)) {
                JsonNode event = frame.path("event");
                arrival(event.path("type").asString(), event.path("postId").asString()).complete(now);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "doctor done");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
