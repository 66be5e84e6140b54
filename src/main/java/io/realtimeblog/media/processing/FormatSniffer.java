package io.realtimeblog.media.processing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides an upload's format from its first bytes (its signature), never from its name or declared type. SVG, HTML,
 * PDF and everything else have no image signature and are unsupported. A file that starts with an image signature
 * is decoded as that image, and only its re-encoded pixels are ever stored: whatever else a polyglot carries
 * (a script after a GIF, an HTML tail) is dropped with the original bytes.
 */
public final class FormatSniffer {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private FormatSniffer() {
    }

    /** The format the bytes start as, or empty if they are none of the accepted ones. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
            return Optional.of(ImageFormat.GIF);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] signature) {
        return bytes.length >= offset + signature.length
                && Arrays.equals(bytes, offset, offset + signature.length, signature, 0, signature.length);
    }
}
