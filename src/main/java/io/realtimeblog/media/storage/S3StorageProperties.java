package io.realtimeblog.media.storage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the S3 media store ({@code blog.media.s3.*}), bound only when {@code blog.media.storage=s3}. No
 * credentials here: the AWS SDK's default chain finds them ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY},
 * {@code ~/.aws/credentials} with {@code AWS_PROFILE}, web identity, container or instance roles).
 *
 * @param bucket            the bucket (it must exist; the application never creates one)
 * @param region            the bucket's region; empty: the SDK's default chain ({@code AWS_REGION}, the profile).
 *                          S3-compatible servers mostly accept any, e.g. {@code us-east-1}
 * @param endpoint          the server's URL for an S3-compatible store (MinIO, Ceph, Garage, R2, …); empty: AWS
 * @param pathStyle         {@code true}: {@code https://host/bucket/key} instead of {@code https://bucket.host/key}
 *                          (most self-hosted servers need it)
 * @param prefix            prepended to every key with a {@code /}, so one bucket can hold several blogs; empty: none
 * @param connectTimeout    how long opening a connection may take
 * @param callTimeout       how long one call may take, its retries included; a slow or unreachable store then fails
 *                          the upload or the image request instead of holding its thread
 * @param maxConnections    the connection pool's size
 * @param checkBucketOnStart whether the start fails when the bucket cannot be reached with these settings and
 *                          credentials ({@code HeadBucket}); turn off only for credentials without
 *                          {@code s3:ListBucket}, which that check needs
 */
@ConditionalOnProperty(name = "blog.media.storage", havingValue = "s3")
@Validated
@ConfigurationProperties("blog.media.s3")
record S3StorageProperties(
        @NotBlank String bucket,
        String region,
        URI endpoint,
        @DefaultValue("false") boolean pathStyle,
        String prefix,
        @DefaultValue("5s") @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration connectTimeout,
        @DefaultValue("60s") @DurationMin(seconds = 1) @DurationMax(minutes = 30) Duration callTimeout,
        @DefaultValue("50") @Min(1) @Max(10_000) int maxConnections,
        @DefaultValue("true") boolean checkBucketOnStart) {

    S3StorageProperties {
        // an empty environment variable means "not set"
        region = region == null || region.isBlank() ? null : region.strip();
        prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
        if (!prefix.isEmpty()) {
            try {
                MediaKeys.requireValid(prefix);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("blog.media.s3.prefix: \"" + prefix + "\" is not a valid prefix "
                        + "(letters, digits, '-', '_', '.', segments joined by '/', none starting with a dot)", e);
            }
        }
    }
}
