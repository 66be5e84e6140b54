package io.realtimeblog.media.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code blog.media.storage=s3}: renditions are objects in an S3-compatible bucket. Credentials come from the AWS
 * SDK's default chain, unless the application context holds an {@link AwsCredentialsProvider} (tests do).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "blog.media.storage", havingValue = "s3")
@EnableConfigurationProperties(S3StorageProperties.class)
class S3StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(S3StorageConfiguration.class);

    @Bean
    S3MediaStore s3MediaStore(S3StorageProperties properties, ObjectProvider<AwsCredentialsProvider> credentials) {
        S3MediaStore store = new S3MediaStore(client(properties,
                credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build())),
                properties.bucket(), properties.prefix());
        String where = properties.endpoint() != null ? properties.endpoint().toString() : "AWS";
        if (properties.checkBucketOnStart()) {
            try {
                store.checkBucket(where);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        log.info("Media renditions are stored in the bucket {} at {}{}", properties.bucket(), where,
                properties.prefix().isEmpty() ? "" : ", under " + properties.prefix() + "/");
        return store;
    }

    static S3Client client(S3StorageProperties properties, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials)
                .forcePathStyle(properties.pathStyle())
                // The SDK's default since 2.30 (CRC32 trailers in aws-chunked bodies) is refused by many S3-compatible
                // servers (S3Proxy answers 400); the store sends a Content-MD5 instead, which every one of them checks.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(properties.connectTimeout())
                        .maxConnections(properties.maxConnections()))
                .overrideConfiguration(override -> override.apiCallTimeout(properties.callTimeout()));
        if (properties.region() != null) {
            builder.region(Region.of(properties.region()));
        }
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalStateException("blog.media.storage=s3: cannot set up the S3 client (" + e.getMessage()
                    + "); blog.media.s3.region or AWS_REGION names the bucket's region", e);
        }
    }
}
