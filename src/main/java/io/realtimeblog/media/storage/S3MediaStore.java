package io.realtimeblog.media.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Renditions as objects in an S3 bucket, the key being the object's name (after the optional prefix). S3 makes a
 * {@code PutObject} visible whole or not at all and reads after a write see it, on AWS and on the S3-compatible
 * servers worth using, so every instance sees every image as soon as the upload answered.
 * <p>
 * Failures (unreachable endpoint, refused credentials, missing bucket, time-outs after the SDK's retries) become
 * {@link MediaStoreException}. The client is closed with the application context.
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix prepended with a {@code /} to every key; empty for none (already validated) */
    S3MediaStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() ? "" : prefix + '/';
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        String object = objectKey(key);
        String md5 = contentMd5(bytes);
        try {
            // Content-MD5: the server refuses the object if a single byte changed on the way
            s3.putObject(request -> request.bucket(bucket).key(object).contentType(contentType)
                    .contentLength((long) bytes.length).contentMD5(md5), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new MediaStoreException("Cannot put media " + key + " into bucket " + bucket, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        String object = objectKey(key);
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(object)).asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            // some S3-compatible servers answer a plain 404 without the NoSuchKey code
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(errorCode(e))) {
                return Optional.empty();
            }
            throw new MediaStoreException("Cannot get media " + key + " from bucket " + bucket, e);
        } catch (SdkException e) {
            throw new MediaStoreException("Cannot get media " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) {
        String object = objectKey(key);
        try {
            // S3 answers 204 for a key that is not there: deleting twice is not an error
            s3.deleteObject(request -> request.bucket(bucket).key(object));
        } catch (SdkException e) {
            throw new MediaStoreException("Cannot delete media " + key + " from bucket " + bucket, e);
        }
    }

    /**
     * Asks the bucket whether these settings and credentials reach it, for the check at start-up.
     *
     * @throws IllegalStateException saying what to check, when they do not
     */
    void checkBucket(String endpointDescription) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (SdkException e) {
            String reason = e instanceof S3Exception s3e
                    ? "HTTP " + s3e.statusCode() + describe(s3e)
                    : e.getMessage();
            throw new IllegalStateException("blog.media.storage=s3: cannot reach the bucket \"" + bucket + "\" at "
                    + endpointDescription + ": " + reason + ". Check blog.media.s3.bucket, .region, .endpoint and "
                    + ".path-style, and the credentials the AWS SDK found (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                    + "AWS_PROFILE, a role); the check needs s3:ListBucket (blog.media.s3.check-bucket-on-start=false "
                    + "skips it)", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    String objectKey(String key) {
        return prefix + MediaKeys.requireValid(key);
    }

    private static String contentMd5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    private static String describe(S3Exception e) {
        return switch (e.statusCode()) {
            case 301 -> " (the bucket is in another region)";
            case 403 -> " (access denied: wrong credentials or no permission)";
            case 404 -> " (no such bucket)";
            default -> errorCode(e) == null ? "" : " (" + errorCode(e) + ")";
        };
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
