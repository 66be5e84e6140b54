package io.realtimeblog.media.processing;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Picks the ImageIO reader and writer for each format. Decoding is pure Java on purpose (the JDK's PNG and GIF
 * readers, TwelveMonkeys' JPEG and WebP readers), so hostile input never reaches native code; only the WebP
 * encoder is libwebp (webp-imageio), and it only ever sees pixels we decoded ourselves. Every writer gets a bare
 * image: no EXIF, GPS, XMP, comments or ICC profile can reach a rendition.
 */
final class ImageCodecs {

    private static final String TWELVEMONKEYS = "com.twelvemonkeys.";

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageCodecs() {
    }

    /** A fresh reader for the format. */
    static ImageReader reader(ImageFormat format) {
        String name = switch (format) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
        };
        boolean preferTwelveMonkeys = format == ImageFormat.JPEG || format == ImageFormat.WEBP;
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(name); it.hasNext(); ) {
            ImageReader candidate = it.next();
            boolean twelveMonkeys = candidate.getClass().getName().startsWith(TWELVEMONKEYS);
            if (twelveMonkeys == preferTwelveMonkeys) {
                return candidate;
            }
            if (chosen == null && format != ImageFormat.WEBP) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No pure-Java ImageIO reader for " + format);
        }
        return chosen;
    }

    /** The image encoded in the format, at the quality given for the lossy ones. */
    static byte[] encode(BufferedImage image, ImageFormat format, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.contentType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        BufferedImage pixels = format == ImageFormat.JPEG ? opaque(image) : image;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG || format == ImageFormat.WEBP) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (format == ImageFormat.WEBP) {
                    param.setCompressionType(param.getCompressionTypes()[0]); // lossy
                }
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** JPEG has no alpha: transparent pixels are laid on white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
