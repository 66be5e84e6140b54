package io.realtimeblog.media.library;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import io.realtimeblog.media.MediaProperties;

/**
 * The container's multipart limits, from {@code blog.media.max-file-size}, so that Tomcat stops reading an upload
 * that is too large instead of buffering it (Boot's {@code spring.servlet.multipart.*} defaults would cap uploads
 * at 1 MB). Only {@code POST /api/media} accepts multipart bodies at all (the web module's content-type filter).
 */
@Configuration(proxyBeanMethods = false)
class MediaUploadConfiguration {

    /** Room for the part headers and the alt text next to the file. */
    private static final long ENVELOPE = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(MediaProperties properties) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        long max = properties.maxFileSize().toBytes();
        factory.setMaxFileSize(DataSize.ofBytes(max));
        factory.setMaxRequestSize(DataSize.ofBytes(max + ENVELOPE));
        factory.setFileSizeThreshold(DataSize.ofKilobytes(256));
        return factory.createMultipartConfig();
    }
}
