package io.realtimeblog.media.processing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads one image with its format's reader: first only the header, to check the pixel count before a single pixel
 * is decoded, then (if allowed) the first frame. A reader warning (a JPEG that ends early is a warning, not an
 * error, in ImageIO) counts as a corrupt image.
 */
final class ImageDecoder implements AutoCloseable {

    private final ImageReader reader;
    private final ImageInputStream stream;
    private final AtomicBoolean warned = new AtomicBoolean();

    ImageDecoder(ImageFormat format, byte[] bytes) {
        this.reader = ImageCodecs.reader(format);
        this.stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
        reader.setInput(stream, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
    }

    /** Width and height as the header states them; nothing is decoded. */
    long[] headerSize() {
        try {
            return new long[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw ImageRejected.corrupt();
        }
    }

    /** The first frame, in an RGB or ARGB layout that the resampler and every writer handle. */
    BufferedImage decode() {
        BufferedImage image;
        try {
            image = reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw ImageRejected.corrupt();
        }
        if (warned.get() || image == null) {
            throw ImageRejected.corrupt();
        }
        return normalized(image);
    }

    /**
     * Asks a decode running on another thread to stop (the decode time limits). Readers that allow it stop early;
     * the JDK's JPEG reader refuses any call from a thread other than the decoding one, and then the decode runs
     * to its end on its own thread, still holding its decode slot, while the upload has already been refused.
     */
    void abort() {
        try {
            reader.abort();
        } catch (IllegalStateException lockedByTheDecodingThread) {
            // the decode finishes on its own; its slot is released when it does
        }
    }

    private static BufferedImage normalized(BufferedImage image) {
        boolean alpha = image.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    @Override
    public void close() {
        reader.dispose();
        try {
            stream.close();
        } catch (IOException ignored) {
            // a memory stream
        }
    }
}
