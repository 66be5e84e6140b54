package io.realtimeblog.datafolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The data folder on real files: what an earlier version left readable, and what H2 creates afterwards. */
class DataFolderGuardTests {

    @TempDir
    Path temp;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(OwnerOnly.isPosix(FileSystems.getDefault()), "permission bits exist on POSIX file systems only");
    }

    @Test
    void aMissingDataFolderIsCreatedOwnerOnly() throws IOException {
        Path dataDir = temp.resolve("new/data");

        DataFolderGuard.protect(dataDir);

        assertThat(permissions(dataDir)).isEqualTo("rwx------");
        assertThat(permissions(temp.resolve("new"))).isEqualTo("rwx------");
    }

    @Test
    void existingFoldersAndFilesOfAnEarlierStartBecomeOwnerOnly() throws IOException {
        Path dataDir = temp.resolve("data");
        Path db = world(Files.createDirectories(dataDir.resolve("db")), "rwxr-xr-x");
        world(Files.writeString(db.resolve("blog.mv.db"), "password hashes"), "rw-r--r--");
        Path segment = Files.createDirectories(dataDir.resolve("kafka/logs/blog-events-0"));
        world(Files.writeString(segment.resolve("00000000000000000000.log"), "draft titles"), "rw-rw-rw-");
        world(Files.writeString(dataDir.resolve("kafka/broker.lock"), ""), "rwxr--r--");
        world(dataDir, "rwxrwxr-x");

        DataFolderGuard.protect(dataDir);

        assertThat(tree(dataDir)).isEqualTo(Map.of(
                ".", "rwx------",
                "db", "rwx------",
                "db/blog.mv.db", "rw-------",
                "kafka", "rwx------",
                "kafka/broker.lock", "rw-------",
                "kafka/logs", "rwx------",
                "kafka/logs/blog-events-0", "rwx------",
                "kafka/logs/blog-events-0/00000000000000000000.log", "rw-------"));
        assertThat(Files.readString(db.resolve("blog.mv.db"))).isEqualTo("password hashes");
    }

    @Test
    void theApplicationContextProtectsTheConfiguredDataFolderBeforeCreatingAnyBean() throws IOException {
        Path dataDir = Files.createDirectories(temp.resolve("configured"));
        Path secret = world(Files.writeString(dataDir.resolve("jwt-secret"), "key"), "rw-r--r--");
        world(dataDir, "rwxr-xr-x");

        new ApplicationContextRunner()
                .withUserConfiguration(DataFolderGuard.class)
                .withBean("firstBean", String.class, () -> {
                    try {
                        return permissions(secret);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .withPropertyValues("blog.data-dir=" + dataDir)
                .run(context -> assertThat(context.getBean("firstBean")).isEqualTo("rw-------"));
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
    }

    @Test
    void aSymbolicLinkIsNeitherFollowedNorChanged() throws IOException {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        Path outside = world(Files.writeString(temp.resolve("shared.txt"), "not ours"), "rw-r--r--");
        Files.createSymbolicLink(dataDir.resolve("link"), outside);

        DataFolderGuard.protect(dataDir);

        assertThat(permissions(outside)).isEqualTo("rw-r--r--");
        assertThat(permissions(dataDir)).isEqualTo("rwx------");
    }

    @Test
    void filesH2CreatesLaterLieInAClosedFolderAndTheNextStartTightensThem() throws Exception {
        Path dataDir = temp.resolve("data");
        DataFolderGuard.protect(dataDir);

        // H2 creates its folder and file with the process umask, as it does after the guard ran at start
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/blog"), "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE secrets (hash VARCHAR(60))");
            statement.execute("INSERT INTO secrets VALUES ('$2a$10$...')");
        }
        Path file = dataDir.resolve("db/blog.mv.db");
        assertThat(file).exists();
        assertThat(permissions(dataDir)).as("no one else may enter the folder that holds it").isEqualTo("rwx------");

        DataFolderGuard.protect(dataDir);

        assertThat(permissions(dataDir.resolve("db"))).isEqualTo("rwx------");
        assertThat(permissions(file)).isEqualTo("rw-------");
    }

    @Test
    void aCreatedFileIsOwnerOnlyAndAnExistingOneIsKept() throws IOException {
        Path file = temp.resolve("secrets/some-secret");

        boolean first = OwnerOnly.createFile(file, "first");
        boolean second = OwnerOnly.createFile(file, "second");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(Files.readString(file)).isEqualTo("first");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    private static Path world(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        return path;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = root.relativize(path).toString();
                tree.put(name.isEmpty() ? "." : name, permissions(path));
            }
        }
        return tree;
    }

}
