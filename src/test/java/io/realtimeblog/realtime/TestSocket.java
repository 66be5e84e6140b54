package io.realtimeblog.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) that records every frame it receives and how the socket closed. */
public final class TestSocket implements WebSocket.Listener {

    private final JsonMapper json;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final List<String> raw = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private TestSocket(JsonMapper json) {
        this.json = json;
    }

    public static TestSocket open(int port, JsonMapper json) {
        return open(port, json, null);
    }

    static TestSocket open(int port, JsonMapper json, String origin) {
        TestSocket listener = new TestSocket(json);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        listener.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener).join();
        return listener;
    }

    TestSocket send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    TestSocket sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    TestSocket hello(String token, Long since) {
        StringBuilder hello = new StringBuilder("{\"type\":\"hello\"");
        if (token != null) {
            hello.append(",\"token\":\"").append(token).append('"');
        }
        if (since != null) {
            hello.append(",\"since\":").append(since);
        }
        return send(hello.append('}').toString());
    }

    /** Says hello and waits for ready; returns the ready frame. */
    public JsonNode join(String token, Long since) {
        hello(token, since);
        return await("ready");
    }

    JsonNode await(String type) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> last(type) != null);
        return last(type);
    }

    JsonNode last(String type) {
        JsonNode found = null;
        for (JsonNode frame : frames) {
            if (type.equals(frame.get("type").asString())) {
                found = frame;
            }
        }
        return found;
    }

    /** The event frames received, in order. */
    List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode frame : frames) {
            if ("event".equals(frame.get("type").asString())) {
                events.add(frame);
            }
        }
        return events;
    }

    List<JsonNode> frames() {
        return frames;
    }

    /** Every text frame exactly as it arrived. */
    List<String> raw() {
        return raw;
    }

    /** Waits for the server to close the socket and returns the close code. */
    int awaitClose() {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(closed::isDone);
        return closed.join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            raw.add(text);
            frames.add(json.readTree(text));
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
        closed.complete(1006);
    }
}
