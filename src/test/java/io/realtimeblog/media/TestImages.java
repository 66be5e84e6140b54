package io.realtimeblog.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Images made in code for the media tests: plain ones, one with EXIF and GPS, and hostile ones. */
public final class TestImages {

    private TestImages() {
    }

    /** A picture: the left half red, the right half blue, so orientation and resizing can be checked. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return encode(picture(width, height), "gif");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG of the picture with an EXIF segment (orientation, a GPS position, a camera make), an XMP segment and a
     * comment, as a phone would write it: every one of them must be gone from the renditions.
     */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segment(out, 0xE1, exif(orientation));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>SECRET-XMP</x:xmpmeta>")
                .getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, "SECRET-COMMENT".getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        int length = data.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(data, 0, data.length);
    }

    /** "Exif\0\0" and a little-endian TIFF with IFD0 (orientation, make, GPS pointer) and a GPS IFD. */
    private static byte[] exif(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: 3 entries
        b.putShort((short) 3);
        b.putShort((short) 0x010F).putShort((short) 2).putInt(4).put("GPS\0".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        int gpsOffset = 8 + 2 + 3 * 12 + 4;
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        b.putInt(0);
        // GPS IFD: latitude ref "N", longitude ref "E"
        b.putShort((short) 2);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put("N\0\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 3).putShort((short) 2).putInt(2).put("E\0\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0);
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * A decompression bomb: a valid PNG header that claims width × height pixels, followed by a few bytes of
     * compressed zeros. Decoding it would need gigabytes; the file is tiny.
     */
    public static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[8192];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(length.array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first {@code fraction} of the JPEG's bytes: it ends in the middle of its scan data. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    public static final byte[] SVG_WITH_SCRIPT = ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"10\" height=\"10\"><script>alert(document.cookie)</script><rect width=\"10\" height=\"10\"/>"
            + "</svg>").getBytes(StandardCharsets.UTF_8);

    public static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
}
