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

    private final List<String> seen = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(4096);
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
        public void close(int code, String reason) {
            seen.add("close:" + code + ":" + reason);
        }

        @Override
        public void fail(int code, String reason) {
            seen.add("fail:" + code);
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
        assertThat(seen).containsExactly("fail:1002");
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
    void aBinaryFrameIsRefusedWith1003WhateverItsSize() {
        feed(frame(0x82, new byte[100_000]), frame(0x81, bytes("after")));
        assertThat(seen).containsExactly("fail:1003", "text:after");
    }

    @Test
    void invalidUtf8IsRefusedWith1007() {
        feed(frame(0x81, new byte[] {(byte) 0xC3, 0x28}));
        assertThat(seen).containsExactly("fail:1007");
    }

    @Test
    void malformedFramingIsAProtocolError() {
        assertThat(failureOf(frame(0xC1, bytes("rsv1")))).isEqualTo("fail:1002");
        assertThat(failureOf(frame(0x09, bytes("fragmented ping")))).isEqualTo("fail:1002");
        assertThat(failureOf(frame(0x89, bytes("p".repeat(126))))).isEqualTo("fail:1002");
        assertThat(failureOf(frame(0x80, bytes("continuation without a start")))).isEqualTo("fail:1002");
        assertThat(failureOf(frame(0x83, bytes("reserved opcode")))).isEqualTo("fail:1002");
        assertThat(failureOf(frame(0x88, new byte[] {0x03}))).isEqualTo("fail:1002");
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
        new FrameDecoder(4096).feed(ByteBuffer.wrap(frame), sink);
        return seen.isEmpty() ? "none" : seen.get(seen.size() - 1);
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
