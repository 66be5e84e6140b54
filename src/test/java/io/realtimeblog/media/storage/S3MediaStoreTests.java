package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a real S3-compatible server (S3Proxy, {@link S3ProxyServer}): the contract, plus prefixes,
 * content types and what happens when the server or the bucket is not there.
 */
class S3MediaStoreTests extends MediaStoreContract {

    private static final S3ProxyServer server = S3ProxyServer.shared();

    private String bucket;
    private S3MediaStore store;

    @BeforeEach
    void createStore() {
        bucket = server.createBucket();
        store = new S3MediaStore(S3StorageConfiguration.client(settings(server.endpoint(), bucket, "", "60s"),
                S3ProxyServer.credentials()), bucket, "");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Override
    List<String> storedKeys() {
        return server.keys(bucket);
    }

    @Test
    void aKeyIsAnObjectWithItsContentType() {
        store.put("0f3a/640.webp", bytes("rendition"), "image/webp");

        S3Client raw = server.client();
        assertThat(raw.headObject(request -> request.bucket(bucket).key("0f3a/640.webp")).contentType())
                .isEqualTo("image/webp");
        assertThat(raw.getObjectAsBytes(request -> request.bucket(bucket).key("0f3a/640.webp")).asUtf8String())
                .isEqualTo("rendition");
    }

    @Test
    void aPrefixKeepsEveryObjectUnderIt() {
        try (S3MediaStore prefixed = store("/blogs/one/")) {
            prefixed.put("0f3a/640.webp", bytes("one"), "image/webp");
            store.put("0f3a/640.webp", bytes("unprefixed"), "image/webp");

            assertThat(storedKeys()).containsExactly("0f3a/640.webp", "blogs/one/0f3a/640.webp");
            assertThat(prefixed.get("0f3a/640.webp")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("one")));
            prefixed.delete("0f3a/640.webp");
            assertThat(storedKeys()).containsExactly("0f3a/640.webp");
        }
    }

    @Test
    void anInvalidPrefixIsRefusedAtStart() {
        assertThatThrownBy(() -> settings(server.endpoint(), bucket, "../other", "60s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blog.media.s3.prefix");
    }

    @Test
    void theBucketCheckPassesForAReachableBucket() {
        store.checkBucket(server.endpoint().toString());
    }

    @Test
    void theBucketCheckNamesAMissingBucket() {
        try (S3MediaStore missing = new S3MediaStore(S3StorageConfiguration.client(
                settings(server.endpoint(), "no-such-bucket", "", "60s"), S3ProxyServer.credentials()),
                "no-such-bucket", "")) {
            assertThatThrownBy(() -> missing.checkBucket(server.endpoint().toString()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("\"no-such-bucket\"").hasMessageContaining("HTTP 404");
        }
    }

    @Test
    void aMissingBucketFailsEveryCallWithAMediaStoreException() {
        server.client().deleteBucket(request -> request.bucket(bucket));

        assertThatThrownBy(() -> store.put("0f3a/640.webp", bytes("x"), "image/webp"))
                .isInstanceOf(MediaStoreException.class).hasMessageContaining(bucket);
        assertThatThrownBy(() -> store.get("0f3a/640.webp")).isInstanceOf(MediaStoreException.class);
    }

    @Test
    void anUnreachableServerFailsWithinTheCallTimeout() {
        // a port nothing listens on: the connection is refused, retried, and given up within the call timeout
        URI nowhere = URI.create("http://127.0.0.1:9");
        try (S3MediaStore unreachable = new S3MediaStore(S3StorageConfiguration.client(
                settings(nowhere, bucket, "", "3s"), S3ProxyServer.credentials()), bucket, "")) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> unreachable.put("0f3a/640.webp", bytes("x"), "image/webp"))
                    .isInstanceOf(MediaStoreException.class);
            assertThatThrownBy(() -> unreachable.get("0f3a/640.webp")).isInstanceOf(MediaStoreException.class);
            assertThatThrownBy(() -> unreachable.delete("0f3a/640.webp")).isInstanceOf(MediaStoreException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        }
        assertThat(storedKeys()).isEmpty();
    }

    private S3MediaStore store(String prefix) {
        S3StorageProperties settings = settings(server.endpoint(), bucket, prefix, "60s");
        return new S3MediaStore(S3StorageConfiguration.client(settings, S3ProxyServer.credentials()), bucket,
                settings.prefix());
    }

    static S3StorageProperties settings(URI endpoint, String bucket, String prefix, String callTimeout) {
        return new S3StorageProperties(bucket, S3ProxyServer.REGION, endpoint, true, prefix, Duration.ofSeconds(2),
                Duration.parse("PT" + callTimeout.toUpperCase()), 10, true);
    }
}
