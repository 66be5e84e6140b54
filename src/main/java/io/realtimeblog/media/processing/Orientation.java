package io.realtimeblog.media.processing;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * The EXIF orientation of a JPEG (1 to 8, TIFF tag 274) and how to apply it, so that a phone photo stored without
 * its metadata still stands the right way up. Unreadable EXIF counts as orientation 1: the pixels are still fine.
 */
final class Orientation {

    private Orientation() {
    }

    /** The JPEG's orientation tag, 1 (as stored) when there is none or it cannot be read. */
    static int of(byte[] jpeg) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(stream, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            byte[] data = exif.get(0).data().readAllBytes();
            int start = 0;
            while (start < data.length && data[start] == 0) {
                start++; // the pad byte after "Exif\0"
            }
            try (ImageInputStream tiff = ImageIO.createImageInputStream(
                    new ByteArrayInputStream(data, start, data.length - start))) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number n ? n.intValue() : 1;
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** The image turned and mirrored as the orientation says; the same image for orientation 1. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
        }
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
