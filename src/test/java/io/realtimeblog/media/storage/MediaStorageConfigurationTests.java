package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import io.realtimeblog.datafolder.DataFolderProperties;

/**
 * Which store {@code blog.media.storage} selects, how the settings bind, and that a misconfigured store stops the
 * start with a message that says what to fix (S3 against the real S3Proxy).
 */
class MediaStorageConfigurationTests {

    private static final S3ProxyServer server = S3ProxyServer.shared();

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DataFolder.class, FilesystemStorageConfiguration.class, S3StorageConfiguration.class);

    /** What the datafolder module's scan registers in the application. */
    @EnableConfigurationProperties(DataFolderProperties.class)
    static class DataFolder {
    }

    @Test
    void withoutTheSettingNeitherStoreNorItsSettingsExist() {
        runner.withPropertyValues("blog.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MediaStore.class)
                    .doesNotHaveBean(FilesystemStorageProperties.class).doesNotHaveBean(S3StorageProperties.class);
        });
    }

    @Test
    void theDatabaseSettingLeavesTheStoreToTheMediaModule() {
        runner.withPropertyValues("blog.media.storage=database", "blog.media.s3.bucket=").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MediaStore.class);
        });
    }

    @Test
    void filesystemStoresUnderTheDataFolderByDefault() {
        runner.withPropertyValues("blog.media.storage=filesystem", "blog.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(MediaStore.class);
            assertThat(context.getBean(FilesystemMediaStore.class).directory())
                    .isEqualTo(dataDir.resolve("media").toAbsolutePath());
        });
    }

    @Test
    void theSettingIgnoresCaseLikeTheMediaModulesEnum() {
        runner.withPropertyValues("blog.media.storage=FileSystem", "blog.data-dir=" + dataDir).run(context -> {
            assertThat(context).hasSingleBean(FilesystemMediaStore.class);
        });
    }

    @Test
    void filesystemTakesTheConfiguredDirectory() {
        Path elsewhere = dataDir.resolve("shared-volume/blog-media");
        runner.withPropertyValues("blog.media.storage=filesystem", "blog.media.filesystem.directory=" + elsewhere)
                .run(context -> {
                    context.getBean(MediaStore.class).put("0f3a/640.webp", new byte[] {1}, "image/webp");
                    assertThat(elsewhere.resolve("0f3a/640.webp")).hasBinaryContent(new byte[] {1});
                });
    }

    @Test
    void s3StoresIntoTheConfiguredBucket() {
        String bucket = server.createBucket();
        s3(bucket).withPropertyValues("blog.media.s3.prefix=blog").run(context -> {
            assertThat(context).hasSingleBean(MediaStore.class);
            context.getBean(MediaStore.class).put("0f3a/640.webp", new byte[] {1, 2}, "image/webp");
            assertThat(server.keys(bucket)).containsExactly("blog/0f3a/640.webp");
        });
    }

    @Test
    void s3WithoutABucketDoesNotStart() {
        runner.withPropertyValues("blog.media.storage=s3", "blog.media.s3.region=us-east-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("bucket");
        });
    }

    @Test
    void s3WithABucketThatIsNotThereDoesNotStart() {
        s3("no-such-bucket").run(context -> {
            assertThat(context).hasFailed();
            // the message of our own exception, which the SDK's is the cause of
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("cannot reach the bucket \"no-such-bucket\" at " + server.endpoint()
                            + ": HTTP 404 (no such bucket)");
        });
    }

    @Test
    void s3WithWrongCredentialsDoesNotStart() {
        String bucket = server.createBucket();
        AwsCredentialsProvider wrong = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("test-access-key", "not-the-secret"));
        runner.withBean(AwsCredentialsProvider.class, () -> wrong).withPropertyValues(s3Settings(bucket))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining(
                            ": HTTP 403 (access denied: wrong credentials or no permission)");
                });
    }

    @Test
    void s3CanSkipTheBucketCheck() {
        s3("no-such-bucket").withPropertyValues("blog.media.s3.check-bucket-on-start=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MediaStore.class);
        });
    }

    private ApplicationContextRunner s3(String bucket) {
        return runner.withBean(AwsCredentialsProvider.class, S3ProxyServer::credentials)
                .withPropertyValues(s3Settings(bucket));
    }

    private static String[] s3Settings(String bucket) {
        return new String[] {"blog.media.storage=s3", "blog.media.s3.bucket=" + bucket,
            "blog.media.s3.region=" + S3ProxyServer.REGION, "blog.media.s3.endpoint=" + server.endpoint(),
            "blog.media.s3.path-style=true"};
    }
}
