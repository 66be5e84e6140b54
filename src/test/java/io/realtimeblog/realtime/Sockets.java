package io.realtimeblog.realtime;

import java.io.IOException;

import org.springframework.core.env.Environment;

import tools.jackson.databind.json.JsonMapper;

/**
 * WebSocket clients of the running application: {@code open()} connects, {@code joined(token)} also says hello and
 * waits for {@code ready}, as a client must before it receives events. A {@code null} token joins as a reader.
 */
public final class Sockets {

    private final Environment environment;
    private final JsonMapper json;

    public Sockets(Environment environment, JsonMapper json) {
        this.environment = environment;
        this.json = json;
    }

    /** The port the application listens on (known once the server has started, hence asked each time). */
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /** A connected socket that has not said hello yet. */
    public TestSocket open() {
        return TestSocket.open(port(), json);
    }

    /** A connected socket whose handshake carried this {@code Origin} header. */
    TestSocket open(String origin) {
        return TestSocket.open(port(), json, origin);
    }

    /** A minimal client over a plain socket with this receive buffer, handshake done (see {@link RawWebSocket}). */
    RawWebSocket raw(int receiveBuffer) throws IOException {
        return RawWebSocket.connect(port(), receiveBuffer);
    }

    /** A socket that has joined with {@code token} (a reader when null) and received {@code ready}. */
    public TestSocket joined(String token) {
        return joined(token, null);
    }

    /** A socket that has joined with {@code token}, resuming after position {@code since} when not null. */
    public TestSocket joined(String token, Long since) {
        TestSocket socket = open();
        socket.join(token, since);
        return socket;
    }

    /** The stream position this instance has fanned out up to, as a client joining now with {@code token} is told. */
    public long position(String token) {
        TestSocket probe = open();
        try {
            return probe.join(token, null).get("position").asLong();
        } finally {
            probe.close();
        }
    }
}
