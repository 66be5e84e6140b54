package io.realtimeblog.media.storage;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.realtimeblog.datafolder.DataFolderProperties;

/** {@code blog.media.storage=filesystem}: renditions are files in a directory. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "blog.media.storage", havingValue = "filesystem")
@EnableConfigurationProperties(FilesystemStorageProperties.class)
class FilesystemStorageConfiguration {

    @Bean
    FilesystemMediaStore filesystemMediaStore(FilesystemStorageProperties properties, DataFolderProperties dataFolder) {
        Path directory = properties.directory() != null ? properties.directory()
                : dataFolder.dataDir().resolve("media");
        return new FilesystemMediaStore(directory);
    }
}
