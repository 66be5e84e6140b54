package io.realtimeblog.realtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A deliberately minimal WebSocket client over a plain socket: a test can give it a tiny receive buffer and stop
 * reading to make the server's writes back up (a client on a stalled network), or write any bytes at all, frames
 * that break the protocol included, whole or in pieces.
 */
final class RawWebSocket implements AutoCloseable {

    private static final SecureRandom MASKS = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawWebSocket connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        RawWebSocket ws = new RawWebSocket(socket);
        ws.handshake(port);
        return ws;
    }

    private void handshake(int port) throws IOException {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + head);
        }
    }

    /** How long a read may wait before it fails with a timeout. */
    RawWebSocket readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /** Sends a masked text frame, as clients must. */
    void sendText(String text) throws IOException {
        sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame with the given first byte (FIN bit and opcode). */
    void sendFrame(int first, byte[] payload) throws IOException {
        send(frame(first, payload));
    }

    /** Sends bytes as they are. */
    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends bytes in writes of {@code chunk} bytes each (no delay between them; TCP_NODELAY is on). */
    void sendInChunks(byte[] bytes, int chunk) throws IOException {
        for (int from = 0; from < bytes.length; from += chunk) {
            out.write(bytes, from, Math.min(chunk, bytes.length - from));
            out.flush();
        }
    }

    /** A masked client frame with the given first byte, in the shortest length form. */
    static byte[] frame(int first, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(first);
        int length = payload.length;
        if (length < 126) {
            frame.write(0x80 | length);
        } else if (length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(length >>> 8);
            frame.write(length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) length >>> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        MASKS.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** A frame from the server: its opcode and payload. */
    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads frames until a text frame containing {@code marker}. */
    String readUntil(String marker) throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.opcode() == 1 && frame.text().contains(marker)) {
                return frame.text();
            }
        }
    }

    /** Reads (and drops) frames until the close frame; returns its code. */
    int readUntilClose() throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.opcode() == 8) {
                return frame.closeCode();
            }
        }
    }

    /** True when the server has closed the connection and nothing more is to be read. */
    boolean atEnd() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true; // the server dropped a connection whose last bytes it had no reason to read
        }
    }

    /** Reads and drops whatever comes until the server closes the connection; true at end of stream. */
    boolean readToEnd() throws IOException {
        while (true) {
            if (in.read() == -1) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
