package io.realtimeblog.realtime.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's frames (RFC 6455) from whatever bytes arrive, in pieces of any size. It holds no buffer while
 * idle: a frame's payload is allocated when its header has been read and let go when the frame is complete, so an
 * idle socket costs a few fields here. Violations end in {@link Sink#fail} with the close code to send; after a
 * frame that is merely refused (binary, too big) its payload is skipped and reading goes on, so the client's
 * close reply is still seen.
 */
final class FrameDecoder {

    /** What the decoder found; called on the thread that feeds it. */
    interface Sink {
        void text(String message);

        void ping(byte[] payload);

        /** The client's close frame; {@code code} is 1005 when it carried none. */
        void close(int code, String reason);

        void fail(int code, String reason);
    }

    static final int PROTOCOL_ERROR = 1002;
    static final int UNSUPPORTED_DATA = 1003;
    static final int NO_STATUS = 1005;
    static final int INVALID_PAYLOAD = 1007;
    static final int TOO_BIG = 1009;

    private enum Stage { FIRST, SECOND, LENGTH, MASK, PAYLOAD, SKIP, DEAD }

    private final int maxMessageBytes;
    private Stage stage = Stage.FIRST;
    private int first;
    private int needed;
    private long length;
    private int mask;
    private byte[] frame;
    private int framePosition;
    private byte[] message;

    FrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    void feed(ByteBuffer in, Sink sink) {
        while (in.hasRemaining() && stage != Stage.DEAD) {
            switch (stage) {
                case FIRST -> {
                    first = in.get() & 0xFF;
                    stage = Stage.SECOND;
                }
                case SECOND -> second(in.get() & 0xFF, sink);
                case LENGTH -> {
                    length = length << 8 | in.get() & 0xFF;
                    if (--needed == 0) {
                        expectMask();
                    }
                }
                case MASK -> {
                    mask = mask << 8 | in.get() & 0xFF;
                    if (--needed == 0) {
                        start(sink);
                    }
                }
                case PAYLOAD -> payload(in, sink);
                case SKIP -> skip(in);
                case DEAD -> { }
            }
        }
    }

    private void second(int b, Sink sink) {
        if ((b & 0x80) == 0) {
            dead(sink, PROTOCOL_ERROR, "Client frames must be masked.");
            return;
        }
        int shortLength = b & 0x7F;
        length = shortLength < 126 ? shortLength : 0;
        needed = shortLength == 126 ? 2 : 8;
        if (shortLength < 126) {
            expectMask();
        } else {
            stage = Stage.LENGTH;
        }
    }

    private void expectMask() {
        needed = 4;
        mask = 0;
        stage = Stage.MASK;
    }

    private void start(Sink sink) {
        int opcode = first & 0x0F;
        boolean fin = (first & 0x80) != 0;
        boolean control = opcode >= 8;
        if ((first & 0x70) != 0 || length < 0) {
            dead(sink, PROTOCOL_ERROR, "Reserved bits are set or the length is invalid.");
        } else if (control && (opcode > 0xA || !fin || length > 125)) {
            dead(sink, PROTOCOL_ERROR, "Bad control frame.");
        } else if (opcode == 2) {
            message = null;
            refuse(sink, UNSUPPORTED_DATA, "Binary frames are not accepted.");
        } else if (opcode > 2 && !control || opcode == 1 && message != null || opcode == 0 && message == null) {
            dead(sink, PROTOCOL_ERROR, "Unexpected frame type " + opcode + ".");
        } else if (!control && (message == null ? 0 : message.length) + length > maxMessageBytes) {
            message = null;
            refuse(sink, TOO_BIG, "Frames may carry at most " + maxMessageBytes + " bytes.");
        } else {
            frame = new byte[(int) length];
            framePosition = 0;
            stage = Stage.PAYLOAD;
            if (length == 0) {
                complete(sink);
            }
        }
    }

    private void payload(ByteBuffer in, Sink sink) {
        int count = Math.min(in.remaining(), frame.length - framePosition);
        for (int i = 0; i < count; i++, framePosition++) {
            frame[framePosition] = (byte) (in.get() ^ mask >>> 24 - 8 * (framePosition & 3));
        }
        if (framePosition == frame.length) {
            complete(sink);
        }
    }

    private void complete(Sink sink) {
        byte[] payload = frame;
        frame = null;
        stage = Stage.FIRST;
        switch (first & 0x0F) {
            case 0x8 -> closeFrame(payload, sink);
            case 0x9 -> sink.ping(payload);
            case 0xA -> { }
            default -> {
                message = message == null ? payload : concat(message, payload);
                if ((first & 0x80) != 0) {
                    byte[] whole = message;
                    message = null;
                    String text = utf8(whole);
                    if (text == null) {
                        dead(sink, INVALID_PAYLOAD, "Text frames must be UTF-8.");
                    } else {
                        sink.text(text);
                    }
                }
            }
        }
    }

    private void closeFrame(byte[] payload, Sink sink) {
        if (payload.length == 0) {
            sink.close(NO_STATUS, "");
            return;
        }
        String reason = payload.length == 1 ? null : utf8(Arrays.copyOfRange(payload, 2, payload.length));
        if (reason == null) {
            dead(sink, PROTOCOL_ERROR, "Bad close frame.");
            return;
        }
        sink.close((payload[0] & 0xFF) << 8 | payload[1] & 0xFF, reason);
    }

    private void refuse(Sink sink, int code, String reason) {
        stage = length == 0 ? Stage.FIRST : Stage.SKIP;
        sink.fail(code, reason);
    }

    private void skip(ByteBuffer in) {
        int count = (int) Math.min(length, in.remaining());
        in.position(in.position() + count);
        length -= count;
        if (length == 0) {
            stage = Stage.FIRST;
        }
    }

    private void dead(Sink sink, int code, String reason) {
        stage = Stage.DEAD;
        frame = null;
        message = null;
        sink.fail(code, reason);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
