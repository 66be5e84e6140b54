package io.realtimeblog.media.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code blog.media.storage=filesystem} end to end: the whole application, its own in-memory H2 and directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:media-filesystem;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FilesystemStorageApiTests extends StoredMediaApiScenario {

    private static final Path directory = Path.of("target/test-data/media-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void filesystem(DynamicPropertyRegistry registry) {
        registry.add("blog.media.storage", () -> "filesystem");
        registry.add("blog.media.filesystem.directory", directory::toString);
    }

    @Override
    List<String> storedKeys() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    byte[] storedBytes(String key) {
        try {
            return Files.readAllBytes(directory.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
