package io.realtimeblog.realtime.wire;

/**
 * UTF-8 checked as bytes arrive (RFC 3629), so a message split into fragments, or a frame read in pieces, fails
 * at the first byte that cannot be UTF-8 rather than when the message ends. The whole state is one int: how many
 * continuation bytes are still due and the range the next one must fall in (which is what rules out overlong
 * forms, surrogates and code points above U+10FFFF).
 */
final class Utf8 {

    /** Between characters: what was read so far is complete UTF-8. */
    static final int COMPLETE = 0;
    /** A byte that no UTF-8 text can hold at that place was read. */
    static final int INVALID = -1;

    private static final int ANY_CONTINUATION = range(0x80, 0xBF);

    private Utf8() {
    }

    /** The state after {@code bytes[from..to)}, starting from {@code state}. */
    static int check(int state, byte[] bytes, int from, int to) {
        for (int i = from; i < to && state != INVALID; i++) {
            state = next(state, bytes[i] & 0xFF);
        }
        return state;
    }

    static int next(int state, int b) {
        int due = state & 0xFF;
        if (due == 0) {
            return lead(b);
        }
        if (b < (state >>> 8 & 0xFF) || b > (state >>> 16 & 0xFF)) {
            return INVALID;
        }
        return due == 1 ? COMPLETE : due - 1 | ANY_CONTINUATION;
    }

    private static int lead(int b) {
        if (b < 0x80) {
            return COMPLETE;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 1 | ANY_CONTINUATION;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            // E0 would be overlong below A0; ED above 9F would encode a surrogate.
            return 2 | (b == 0xE0 ? range(0xA0, 0xBF) : b == 0xED ? range(0x80, 0x9F) : ANY_CONTINUATION);
        }
        if (b >= 0xF0 && b <= 0xF4) {
            // F0 would be overlong below 90; F4 above 8F would be beyond U+10FFFF.
            return 3 | (b == 0xF0 ? range(0x90, 0xBF) : b == 0xF4 ? range(0x80, 0x8F) : ANY_CONTINUATION);
        }
        return INVALID;
    }

    private static int range(int low, int high) {
        return low << 8 | high << 16;
    }
}
