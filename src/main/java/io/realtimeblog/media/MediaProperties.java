package io.realtimeblog.media;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Media settings ({@code blog.media.*}, docs/configuration.md and docs/media.md). The store-specific settings live
 * under {@code blog.media.filesystem.*} and {@code blog.media.s3.*}.
 *
 * @param storage where renditions are stored: {@code database} (default), {@code filesystem} or {@code s3}
 * @param maxFileSize the largest upload accepted; larger ones get 413
 * @param maxPixels the largest width × height accepted, read from the header before anything is decoded (422)
 * @param variantWidths the widths of the narrower renditions; only those narrower than the original are made
 * @param maxConcurrentDecodes how many uploads are decoded and re-encoded at once on this instance; the others wait
 * @param decodeQueueTimeout how long an upload waits for a decode slot before it is refused with 503
 * @param decodeTimeout how much CPU time decoding and re-encoding one upload may use before it is refused with 422
 * @param decodeWallTimeout how long decoding and re-encoding one upload may take in all (it runs at a lower
 *                          priority and waits for idle CPU on a busy machine) before it is refused with 422
 * @param quality the JPEG and WebP encoder quality, 0.1 to 1.0
 * @param decodeNice the Linux nice value of the threads that decode and re-encode uploads (0 to 19; 0: normal
 *                   priority): higher gives way more to event delivery and requests on a busy machine
 */
@Validated
@ConfigurationProperties("blog.media")
public record MediaProperties(
        @DefaultValue("database") @NotNull Storage storage,
        @DefaultValue("10MB") @NotNull DataSize maxFileSize,
        @DefaultValue("40000000") @Positive long maxPixels,
        @DefaultValue({"320", "640", "1024", "1600", "2400"}) @NotEmpty List<@Positive Integer> variantWidths,
        @DefaultValue("2") @Positive int maxConcurrentDecodes,
        @DefaultValue("30s") @NotNull Duration decodeQueueTimeout,
        @DefaultValue("20s") @NotNull Duration decodeTimeout,
        @DefaultValue("2m") @NotNull Duration decodeWallTimeout,
        @DefaultValue("0.85") @DecimalMin("0.1") @DecimalMax("1.0") float quality,
        @DefaultValue("10") @Min(0) @Max(19) int decodeNice) {

    /** The kinds of {@link io.realtimeblog.media.storage.MediaStore}. */
    public enum Storage {
        DATABASE, FILESYSTEM, S3
    }
}
