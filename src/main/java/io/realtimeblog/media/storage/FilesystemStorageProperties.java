package io.realtimeblog.media.storage;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the filesystem media store ({@code blog.media.filesystem.*}), bound only when
 * {@code blog.media.storage=filesystem}.
 *
 * @param directory where the renditions live; default {@code <blog.data-dir>/media}. One instance, or a volume that
 *                  every instance mounts at this path and runs as the same user on (files are owner-only)
 */
@ConditionalOnProperty(name = "blog.media.storage", havingValue = "filesystem")
@ConfigurationProperties("blog.media.filesystem")
record FilesystemStorageProperties(Path directory) {
}
