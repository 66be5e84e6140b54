package io.realtimeblog.realtime.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Reads a client's frames (RFC 6455) from whatever bytes arrive, in pieces of any size. It holds no buffer while
 * idle: a frame's payload is allocated when its header has been read and let go when the frame is complete, so an
 * idle socket costs a few fields here.
 *
 * <p>A frame that is merely refused ({@link Sink#fail}: binary, too big, over the frame rate) has its payload
 * skipped, and the rest of its message too, and reading goes on, so the client's close reply is still seen; once
 * over the frame rate only a close frame is read. A violation ({@link Sink#broken}: framing, a bad close frame,
 * text that is not UTF-8) ends reading, since the framing can no longer be trusted. Text is checked as UTF-8 while
 * it arrives, so invalid text fails at once, not when its message ends.
 */
final class FrameDecoder {

    /** What the decoder found; called on the thread that feeds it. */
    interface Sink {
        void text(String message);

        void ping(byte[] payload);

        void pong();

        /** The client's close frame; {@code code} is 1005 when it carried none. */
        void close(int code, String reason);

        /** A frame refused with {@code code}; its payload is skipped and reading goes on. */
        void fail(int code, String reason);

        /** The stream broke the protocol: nothing more is read from it. */
        void broken(int code, String reason);
    }

    static final int PROTOCOL_ERROR = 1002;
    static final int UNSUPPORTED_DATA = 1003;
    static final int NO_STATUS = 1005;
    static final int INVALID_PAYLOAD = 1007;
    static final int POLICY_VIOLATION = 1008;
    static final int TOO_BIG = 1009;

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private enum Stage { FIRST, SECOND, LENGTH, MASK, PAYLOAD, SKIP, DEAD }

    private final WireLimits limits;
    private final FrameRate rate;
    private final LongSupplier nanoClock;
    private boolean overRate;
    private boolean skippingMessage;
    private int utf8 = Utf8.COMPLETE;
    private Stage stage = Stage.FIRST;
    private int first;
    private int needed;
    private long length;
    private int mask;
    private byte[] frame;
    private int framePosition;
    private byte[] message;

    FrameDecoder(WireLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.rate = new FrameRate(limits, nanoClock.getAsLong());
    }

    /** Whether a client may send this close code (RFC 6455 7.4; IANA's registry): others fail with 1002. */
    static boolean receivableCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
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
        boolean control = opcode >= CLOSE;
        if ((first & 0x70) != 0 || length < 0) {
            dead(sink, PROTOCOL_ERROR, "Reserved bits are set or the length is invalid.");
        } else if (control && (opcode > PONG || !fin || length > 125)) {
            dead(sink, PROTOCOL_ERROR, "Bad control frame.");
        } else if (opcode != CLOSE && !withinRate(sink)) {
            skip();
        } else if (opcode == CONTINUATION && skippingMessage) {
            skippingMessage = !fin;
            skip();
        } else if (opcode == BINARY) {
            message = null;
            skippingMessage = !fin;
            refuse(sink, UNSUPPORTED_DATA, "Binary frames are not accepted.");
        } else if (opcode > BINARY && !control || opcode == TEXT && message != null
                || opcode == CONTINUATION && message == null) {
            dead(sink, PROTOCOL_ERROR, "Unexpected frame type " + opcode + ".");
        } else if (!control && (message == null ? 0 : message.length) + length > limits.maxMessageBytes()) {
            message = null;
            skippingMessage = !fin;
            refuse(sink, TOO_BIG, "Messages may carry at most " + limits.maxMessageBytes() + " bytes.");
        } else {
            if (opcode == TEXT) {
                utf8 = Utf8.COMPLETE;
            }
            frame = new byte[(int) length];
            framePosition = 0;
            stage = Stage.PAYLOAD;
            if (length == 0) {
                complete(sink);
            }
        }
    }

    /** Counts the frame; the first frame over the rate fails with 1008, and none after it is read but a close. */
    private boolean withinRate(Sink sink) {
        if (overRate) {
            return false;
        }
        if (rate.take(nanoClock.getAsLong())) {
            return true;
        }
        overRate = true;
        message = null;
        sink.fail(POLICY_VIOLATION, "More than " + limits.framesPerSecond() + " frames a second.");
        return false;
    }

    private void payload(ByteBuffer in, Sink sink) {
        int from = framePosition;
        int count = Math.min(in.remaining(), frame.length - framePosition);
        for (int i = 0; i < count; i++, framePosition++) {
            frame[framePosition] = (byte) (in.get() ^ mask >>> 24 - 8 * (framePosition & 3));
        }
        if ((first & 0x0F) <= TEXT) {
            utf8 = Utf8.check(utf8, frame, from, framePosition);
            if (utf8 == Utf8.INVALID) {
                dead(sink, INVALID_PAYLOAD, "Text frames must be UTF-8.");
                return;
            }
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
            case CLOSE -> closeFrame(payload, sink);
            case PING -> sink.ping(payload);
            case PONG -> sink.pong();
            default -> {
                message = message == null ? payload : concat(message, payload);
                if ((first & 0x80) != 0) {
                    byte[] whole = message;
                    message = null;
                    if (utf8 != Utf8.COMPLETE) {
                        dead(sink, INVALID_PAYLOAD, "Text frames must be UTF-8.");
                    } else {
                        sink.text(new String(whole, StandardCharsets.UTF_8));
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
        int code = payload.length < 2 ? -1 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        if (!receivableCloseCode(code)) {
            dead(sink, PROTOCOL_ERROR, "Bad close code.");
        } else if (Utf8.check(Utf8.COMPLETE, payload, 2, payload.length) != Utf8.COMPLETE) {
            dead(sink, INVALID_PAYLOAD, "A close reason must be UTF-8.");
        } else {
            sink.close(code, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
        }
    }

    private void refuse(Sink sink, int code, String reason) {
        skip();
        sink.fail(code, reason);
    }

    private void skip() {
        stage = length == 0 ? Stage.FIRST : Stage.SKIP;
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
        sink.broken(code, reason);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
