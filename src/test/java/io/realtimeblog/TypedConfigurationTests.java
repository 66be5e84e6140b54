package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every {@code blog.*} setting is read through a {@code @ConfigurationProperties} record, where its default is stated
 * once and validated: no {@code @Value("${blog…}")} or {@code @Scheduled(fixedDelayString = "${blog…}")} and no
 * {@code getProperty("blog…")} with a default copied beside it (issue 17.5).
 */
class TypedConfigurationTests {

    @Test
    void noBlogSettingIsReadAsARawValue() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(TypedConfigurationTests::rawBlogReads)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static Stream<String> rawBlogReads(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> lines.get(i).contains("${blog.")
                            || lines.get(i).contains("getProperty(\"blog."))
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
