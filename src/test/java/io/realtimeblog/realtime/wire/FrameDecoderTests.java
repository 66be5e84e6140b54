package io.realtimeblog.realtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The client-frame reader: masking, fragments, pieces of any size, and every refusal with its close code. */
class FrameDecoderTests {

    private static final WireLimits LIMITS = new WireLimits(4096, 10, 100);

    private final List<String> seen = new ArrayList<>();
    private long nanoNow = 42;
    private final FrameDecoder decoder = new FrameDecoder(LIMITS, () -> nanoNow);
    private final FrameDecoder.Sink sink = new FrameDecoder.Sink() {
        @Override
        public void text(String message) {
            seen.add("text:" + message);
        }

        @Override
        public void ping(byte[] payload) {
            seen.add("ping:" + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void pong() {
            seen.add("pong");
        }

        @Override
        public void close(int code, String reason) {
            seen.add("close:" + code + ":" + reason);
        }

        @Override
        public void fail(int code, String reason) {
            seen.add("fail:" + code);
        }

        @Override
        public void broken(int code, String reason) {
            seen.add("fail:" + code + " (broken)");
        }
    };

    @Test
    void aMaskedTextFrameIsReadEvenOneByteAtATime() {
        byte[] frame = frame(0x81, "héllo wörld".getBytes(StandardCharsets.UTF_8));
        for (byte b : frame) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}), sink);
        }
        assertThat(seen).containsExactly("text:héllo wörld");
    }

    @Test
    void framesOfEveryLengthFormAreRead() {
        String medium = "m".repeat(300);
        String large = "l".repeat(4000);
        feed(frame(0x81, bytes("s")), frame(0x81, bytes(medium)), frame(0x81, bytes(large)));
        assertThat(seen).containsExactly("text:s", "text:" + medium, "text:" + large);
    }

    @Test
    void aFragmentedMessageIsJoinedAndControlFramesMayComeBetweenItsParts() {
        feed(frame(0x01, bytes("hel")), frame(0x89, bytes("p")), frame(0x00, bytes("lo ")), frame(0x80, bytes("you")));
        assertThat(seen).containsExactly("ping:p", "text:hello you");
    }

    @Test
    void closeFramesCarryTheirCodeOrNone() {
        feed(frame(0x88, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'}), frame(0x88, new byte[0]));
        assertThat(seen).containsExactly("close:1000:bye", "close:1005:");
    }

    @Test
    void anUnmaskedFrameIsAProtocolErrorAndNothingAfterItIsRead() {
        byte[] unmasked = {(byte) 0x81, 0x02, 'h', 'i'};
        feed(unmasked, frame(0x81, bytes("later")));
        assertThat(seen).containsExactly("fail:1002 (broken)");
    }

    @Test
    void aTooLargeMessageIsRefusedWith1009AndSkippedSoTheCloseReplyIsStillSeen() {
        feed(frame(0x81, bytes("x".repeat(5000))), frame(0x88, new byte[] {0x03, (byte) 0xF1}));
        assertThat(seen).containsExactly("fail:1009", "close:1009:");
    }

    @Test
    void fragmentsTogetherLargerThanTheLimitAreRefused() {
        feed(frame(0x01, bytes("x".repeat(3000))), frame(0x80, bytes("y".repeat(3000))));
        assertThat(seen).containsExactly("fail:1009");
    }

    @Test
    void theRestOfARefusedMessageIsSkippedSoTheCloseReplyIsStillSeen() {
        feed(frame(0x01, bytes("x".repeat(3000))), frame(0x00, bytes("y".repeat(3000))), frame(0x80, bytes("z")),
                frame(0x02, new byte[10]), frame(0x80, new byte[10]), frame(0x88, new byte[] {0x03, (byte) 0xF1}));
        assertThat(seen).containsExactly("fail:1009", "fail:1003", "close:1009:");
    }

    @Test
    void aBinaryFrameIsRefusedWith1003WhateverItsSize() {
        feed(frame(0x82, new byte[100_000]), frame(0x81, bytes("after")));
        assertThat(seen).containsExactly("fail:1003", "text:after");
    }

    @Test
    void invalidUtf8IsRefusedWith1007() {
        feed(frame(0x81, new byte[] {(byte) 0xC3, 0x28}));
        assertThat(seen).containsExactly("fail:1007 (broken)");
    }

    @Test
    void malformedFramingIsAProtocolError() {
        assertThat(failureOf(frame(0xC1, bytes("rsv1")))).isEqualTo("fail:1002 (broken)");
        assertThat(failureOf(frame(0x09, bytes("fragmented ping")))).isEqualTo("fail:1002 (broken)");
        assertThat(failureOf(frame(0x89, bytes("p".repeat(126))))).isEqualTo("fail:1002 (broken)");
        assertThat(failureOf(frame(0x80, bytes("continuation without a start")))).isEqualTo("fail:1002 (broken)");
        assertThat(failureOf(frame(0x83, bytes("reserved opcode")))).isEqualTo("fail:1002 (broken)");
        assertThat(failureOf(frame(0x88, new byte[] {0x03}))).isEqualTo("fail:1002 (broken)");
    }

    @Test
    void invalidUtf8FailsAtTheFragmentThatBreaksItBeforeTheMessageEnds() {
        feed(frame(0x01, bytes("κόσμε")), frame(0x00, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80}));
        assertThat(seen).containsExactly("fail:1007 (broken)");
    }

    @Test
    void aCharacterSplitAcrossFragmentsIsJoinedAndOneCutOffAtTheEndIsRefused() {
        byte[] euro = bytes("€");
        feed(frame(0x01, new byte[] {euro[0]}), frame(0x00, new byte[] {euro[1]}), frame(0x80, new byte[] {euro[2]}));
        feed(frame(0x81, new byte[] {'a', euro[0], euro[1]}));
        assertThat(seen).containsExactly("text:€", "fail:1007 (broken)");
    }

    @Test
    void closeCodesAClientMayNotSendAreAProtocolError() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535}) {
            assertThat(failureOf(frame(0x88, closePayload(code, "")))).as("code %d", code)
                    .isEqualTo("fail:1002 (broken)");
        }
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000,
                4999}) {
            assertThat(failureOf(frame(0x88, closePayload(code, "ok")))).as("code %d", code)
                    .isEqualTo("close:" + code + ":ok");
        }
    }

    @Test
    void aCloseReasonThatIsNotUtf8IsInvalidPayload() {
        byte[] payload = {0x03, (byte) 0xE8, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(failureOf(frame(0x88, payload))).isEqualTo("fail:1007 (broken)");
    }

    @Test
    void framesBeyondTheBurstFailWithPolicyViolationAndOnlyACloseIsReadAfter() {
        byte[] ping = frame(0x89, bytes("p"));
        for (int i = 0; i < 100; i++) {
            feed(ping);
        }
        feed(ping, frame(0x81, bytes("ignored")), frame(0x88, closePayload(1000, "")));
        assertThat(seen).hasSize(102).endsWith("ping:p", "fail:1008", "close:1000:");
    }

    @Test
    void theBucketRefillsAtTheConfiguredRateAndPongsAndFragmentsCount() {
        for (int i = 0; i < 100; i++) {
            feed(frame(0x8A, new byte[0]));
        }
        assertThat(seen).hasSize(100).containsOnly("pong");
        seen.clear();
        nanoNow += 500_000_000; // half a second at 10 frames a second: 5 more frames
        feed(frame(0x01, bytes("a")), frame(0x00, bytes("b")), frame(0x00, bytes("c")), frame(0x00, bytes("d")),
                frame(0x80, bytes("e")));
        assertThat(seen).containsExactly("text:abcde");
        feed(frame(0x89, bytes("one too many")));
        assertThat(seen).containsExactly("text:abcde", "fail:1008");
    }

    @Test
    void closeReasonsAreCutAt123BytesBetweenCharacters() {
        String reason = "é".repeat(100); // 200 bytes; the 124th is the second half of an "é"
        byte[] close = bytesOf(WireFrame.close(1008, reason));
        assertThat(close[1]).isEqualTo((byte) (2 + 122));
        assertThat(new String(close, 4, close.length - 4, StandardCharsets.UTF_8)).isEqualTo("é".repeat(61));
        assertThat(bytesOf(WireFrame.close(1000, "x".repeat(200)))[1]).isEqualTo((byte) 125);
    }

    @Test
    void serverFramesAreEncodedWithTheShortestLengthForm() {
        assertThat(WireFrame.text("a".repeat(125), false).size()).isEqualTo(2 + 125);
        assertThat(WireFrame.text("a".repeat(126), false).size()).isEqualTo(4 + 126);
        assertThat(WireFrame.text("a".repeat(70_000), false).size()).isEqualTo(10 + 70_000);
        assertThat(WireFrame.text("ünïcode", true).toString()).isEqualTo("ünïcode");
        assertThat(WireFrame.text("ünïcode".getBytes(StandardCharsets.UTF_8), true).buffer().isDirect()).isTrue();
        ByteBuffer closeFrame = WireFrame.close(4008, "slow client").buffer();
        byte[] close = new byte[closeFrame.remaining()];
        closeFrame.get(close);
        assertThat(close[0] & 0xFF).isEqualTo(0x88);
        assertThat((close[2] & 0xFF) << 8 | close[3] & 0xFF).isEqualTo(4008);
    }

    @Test
    void theHandshakeAnswersTheKeyAsTheRfcExampleDoes() {
        assertThat(WebSocketHandshake.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    private String failureOf(byte[] frame) {
        seen.clear();
        new FrameDecoder(LIMITS, () -> nanoNow).feed(ByteBuffer.wrap(frame), sink);
        return seen.isEmpty() ? "none" : seen.get(seen.size() - 1);
    }

    private static byte[] closePayload(int code, String reason) {
        byte[] text = bytes(reason);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    private static byte[] bytesOf(WireFrame frame) {
        ByteBuffer buffer = frame.buffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private void feed(byte[]... frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            all.writeBytes(frame);
        }
        decoder.feed(ByteBuffer.wrap(all.toByteArray()), sink);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A client frame: the first byte as given, masked with a fixed key. */
    private static byte[] frame(int first, byte[] payload) {
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        int length = payload.length;
        if (length < 126) {
            out.write(0x80 | length);
        } else if (length <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) length >> 8 * i));
            }
        }
        out.writeBytes(mask);
        for (int i = 0; i < length; i++) {
            out.write(payload[i] ^ mask[i & 3]);
        }
        return out.toByteArray();
    }
}
