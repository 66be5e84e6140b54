package io.realtimeblog.realtime.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of a {@link WebSocketConnection}: reads what the socket has into a per-thread buffer, feeds the
 * {@link FrameDecoder}, and acts on each frame the client sent: a message goes to the listener, a ping is answered,
 * a close frame takes part in the close handshake, a frame that breaks a rule closes the connection with its code.
 * Confined to the socket's thread (Tomcat dispatches one read at a time per socket), like the decoder it owns.
 */
final class ConnectionReader implements FrameDecoder.Sink {

    private static final Logger log = LoggerFactory.getLogger(ConnectionReader.class);
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(8192));

    private final WebSocketConnection connection;
    private final ConnectionListener listener;
    private final FrameDecoder decoder;

    ConnectionReader(WebSocketConnection connection, ConnectionListener listener, WireLimits limits) {
        this.connection = connection;
        this.listener = listener;
        this.decoder = new FrameDecoder(limits, System::nanoTime);
    }

    /**
     * Reads and handles everything the socket has now. True while the connection stays open (wait for the next
     * readable event); false once it ended: end of stream, a failed read, or both close frames exchanged.
     */
    boolean read(SocketWrapperBase<?> socket) {
        ByteBuffer buffer = READ_BUFFER.get();
        try {
            while (!socket.isClosed()) {
                buffer.clear();
                int count = socket.read(false, buffer);
                if (count < 0) {
                    break;
                }
                if (count == 0) {
                    return !connection.closeHandshakeDone();
                }
                buffer.flip();
                decoder.feed(buffer, this);
            }
        } catch (IOException e) {
            log.debug("Read from {} failed: {}", connection.id(), e.toString());
        }
        return false;
    }

    @Override
    public void text(String message) {
        if (connection.isClosing()) {
            return;
        }
        try {
            listener.text(connection, message);
        } catch (RuntimeException e) {
            connection.failed(e);
        }
    }

    @Override
    public void ping(byte[] payload) {
        listener.heard(connection);
        if (connection.send(WireFrame.pong(payload)) > 0) {
            connection.flush();
        }
    }

    @Override
    public void pong() {
        listener.heard(connection);
    }

    @Override
    public void close(int code, String reason) {
        if (connection.closeReceived()) {
            connection.abort();
        } else {
            connection.close(code == FrameDecoder.NO_STATUS ? 1000 : code, "");
        }
    }

    @Override
    public void fail(int code, String reason) {
        refuse(code, reason);
    }

    @Override
    public void broken(int code, String reason) {
        // Nothing more is read, so no close reply will be seen: the connection ends once the close is out.
        connection.closeReceived();
        refuse(code, reason);
    }

    private void refuse(int code, String reason) {
        if (!connection.isClosing()) {
            listener.refused(connection, code);
        }
        connection.close(code, reason);
    }
}
