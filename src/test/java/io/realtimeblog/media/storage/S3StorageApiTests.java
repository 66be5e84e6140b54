package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import io.realtimeblog.media.TestImages;

/**
 * {@code blog.media.storage=s3} end to end, against the real S3Proxy: the whole application, its own in-memory H2,
 * one bucket under a prefix. Credentials come from an {@link AwsCredentialsProvider} bean here (the SDK's chain in
 * production), so no JVM-wide property is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:media-s3;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(S3StorageApiTests.Credentials.class)
class S3StorageApiTests extends StoredMediaApiScenario {

    private static final S3ProxyServer server = S3ProxyServer.shared();
    private static final String bucket = server.createBucket();

    @TestConfiguration(proxyBeanMethods = false)
    static class Credentials {
        @Bean
        AwsCredentialsProvider testCredentials() {
            return S3ProxyServer.credentials();
        }
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("blog.media.storage", () -> "s3");
        registry.add("blog.media.s3.bucket", () -> bucket);
        registry.add("blog.media.s3.region", () -> S3ProxyServer.REGION);
        registry.add("blog.media.s3.endpoint", () -> server.endpoint().toString());
        registry.add("blog.media.s3.path-style", () -> "true");
        registry.add("blog.media.s3.prefix", () -> "blog");
    }

    @Override
    List<String> storedKeys() {
        return server.keys(bucket).stream().map(key -> {
            assertThat(key).startsWith("blog/");
            return key.substring("blog/".length());
        }).toList();
    }

    @Override
    byte[] storedBytes(String key) {
        return server.client().getObjectAsBytes(request -> request.bucket(bucket).key("blog/" + key)).asByteArray();
    }

    @Test
    void anUploadWhileTheBucketIsGoneIs503AndLeavesNoRow() throws Exception {
        long rows = mediaRows();
        server.deleteBucket(bucket);
        try {
            var refused = upload("photo.png", TestImages.png(400, 40), 503);

            assertThat(body(refused).get("type").asString()).isEqualTo("/problems/media-store-unavailable");
            assertThat(mediaRows()).isEqualTo(rows);
        } finally {
            server.client().createBucket(request -> request.bucket(bucket));
        }
    }
}
