package io.realtimeblog.media.processing;

import org.springframework.http.HttpStatus;

/**
 * An upload that is refused: the status, the problem type's slug and a detail for the uploader. Nothing has been
 * stored when it is thrown.
 */
public class ImageRejected extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ImageRejected(HttpStatus status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    static ImageRejected unsupported() {
        return new ImageRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-format",
                "Unsupported image format", "Only JPEG, PNG, GIF and WebP images are accepted; the format is read "
                + "from the file's bytes, not its name.");
    }

    static ImageRejected corrupt() {
        return new ImageRejected(HttpStatus.UNPROCESSABLE_CONTENT, "corrupt-image", "Corrupt image",
                "The image is truncated or damaged and cannot be decoded.");
    }

    static ImageRejected tooManyPixels(long width, long height, long max) {
        return new ImageRejected(HttpStatus.UNPROCESSABLE_CONTENT, "image-too-large", "Image too large",
                "The image is " + width + " × " + height + " pixels; at most " + max + " pixels are accepted.");
    }

    static ImageRejected tooSlow() {
        return new ImageRejected(HttpStatus.UNPROCESSABLE_CONTENT, "image-too-complex", "Image too complex",
                "Decoding and re-encoding the image took longer than allowed.");
    }

    static ImageRejected busy() {
        return new ImageRejected(HttpStatus.SERVICE_UNAVAILABLE, "media-busy", "Too many uploads",
                "Too many images are being processed right now; retry in a moment.");
    }
}
