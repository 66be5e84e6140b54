package io.realtimeblog.realtime.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A server-to-client frame encoded for the wire once (RFC 6455: header, then the unmasked payload), so the same
 * bytes go to every client it is meant for: an event is encoded once per audience, not once per socket.
 */
public final class WireFrame {

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PONG = 0xA;
    static final int MAX_CLOSE_REASON_BYTES = 123;

    private final ByteBuffer bytes;
    private final boolean event;

    /**
     * Event frames go to many sockets, so their bytes live outside the heap: the kernel is handed them as they
     * are, where heap bytes would first be copied to a temporary native buffer on every write.
     */
    private WireFrame(byte[] bytes, boolean event) {
        this.bytes = event ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer()
                : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        this.event = event;
    }

    /** A text frame; {@code event} marks frames that count as deliveries in the metrics. */
    public static WireFrame text(String text, boolean event) {
        return new WireFrame(encode(TEXT, text.getBytes(StandardCharsets.UTF_8)), event);
    }

    /** A text frame from text already encoded as UTF-8 (the caller's array is kept, not copied). */
    public static WireFrame text(byte[] utf8, boolean event) {
        return new WireFrame(encode(TEXT, utf8), event);
    }

    /**
     * A close frame with its status code and a reason, cut to fit the 125 bytes a control frame may carry: at most
     * 123 bytes of reason, cut between characters, never inside one.
     */
    public static WireFrame close(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_CLOSE_REASON_BYTES);
        while (length < text.length && (text[length] & 0xC0) == 0x80) {
            length--; // text[length] continues a character: cut before the character starts
        }
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return new WireFrame(encode(CLOSE, payload), false);
    }

    static WireFrame pong(byte[] payload) {
        return new WireFrame(encode(PONG, payload), false);
    }

    static byte[] encode(int opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] out = new byte[header + length];
        out[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            out[1] = 126;
            out[2] = (byte) (length >> 8);
            out[3] = (byte) length;
        } else {
            out[1] = 127;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) ((long) length >> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, length);
        return out;
    }

    boolean isEvent() {
        return event;
    }

    int size() {
        return bytes.remaining();
    }

    /** The payload as text (for logs and tests). */
    @Override
    public String toString() {
        byte[] all = new byte[bytes.remaining()];
        bytes.duplicate().get(all);
        int header = all.length < 2 ? 0 : (all[1] & 0x7F) < 126 ? 2 : (all[1] & 0x7F) == 126 ? 4 : 10;
        return new String(all, header, all.length - header, StandardCharsets.UTF_8);
    }

    /** A fresh view of the bytes for one write (the position is per write, the bytes are shared). */
    ByteBuffer buffer() {
        return bytes.duplicate();
    }
}
