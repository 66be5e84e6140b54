package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filesystem store: the contract, plus what a directory adds (permissions, temporary files, links). */
class FilesystemMediaStoreTests extends MediaStoreContract {

    @TempDir
    Path parent;

    private Path directory;
    private FilesystemMediaStore store;

    @BeforeEach
    void createStore() {
        directory = parent.resolve("data/media");
        store = new FilesystemMediaStore(directory);
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Override
    List<String> storedKeys() {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDirectoryIsCreatedOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void filesAndTheirFoldersAreOwnerOnly() throws IOException {
        store.put("0f3a/640.webp", bytes("x"), "image/webp");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("0f3a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("0f3a/640.webp"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aKeyIsAFileBelowTheDirectory() throws IOException {
        store.put("0f3a/640.webp", bytes("rendition"), "image/webp");

        assertThat(Files.readString(directory.resolve("0f3a/640.webp"))).isEqualTo("rendition");
    }

    @Test
    void aHostileKeyWritesNothingOutsideTheDirectory() throws IOException {
        for (String key : List.of("../escape.webp", "../../escape.webp", "/" + parent.resolve("abs.webp"))) {
            assertThatThrownBy(() -> store.put(key, bytes("payload"), "image/webp"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        try (Stream<Path> everything = Files.walk(parent)) {
            assertThat(everything.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    @Test
    void aFailedPutLeavesTheOldBytesAndNoTemporaryFile() throws IOException {
        store.put("0f3a/640.webp", bytes("old"), "image/webp");
        // a folder where the new file should go: the rename over it must fail
        store.put("0f3a/folder/inner.webp", bytes("inner"), "image/webp");

        assertThatThrownBy(() -> store.put("0f3a/folder", bytes("new"), "image/webp"))
                .isInstanceOf(MediaStoreException.class);

        assertThat(store.get("0f3a/640.webp")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("old")));
        assertThat(storedKeys()).containsExactlyInAnyOrder("0f3a/640.webp", "0f3a/folder/inner.webp");
    }

    @Test
    void aFolderIsNotAnObject() {
        store.put("0f3a/640.webp", bytes("x"), "image/webp");

        assertThat(store.get("0f3a")).isEmpty();
    }

    @Test
    void deletingTheLastRenditionRemovesItsFolder() {
        store.put("0f3a/640.webp", bytes("a"), "image/webp");
        store.put("0f3a/320.webp", bytes("b"), "image/webp");

        store.delete("0f3a/640.webp");
        assertThat(directory.resolve("0f3a")).isDirectory();
        store.delete("0f3a/320.webp");

        assertThat(directory.resolve("0f3a")).doesNotExist();
        assertThat(directory).isDirectory();
    }

    @Test
    void aSymbolicLinkInTheDirectoryIsNotFollowed() throws IOException {
        Path secret = Files.writeString(parent.resolve("secret.txt"), "not for readers");
        Files.createSymbolicLink(directory.resolve("link.webp"), secret);

        assertThatThrownBy(() -> store.get("link.webp")).isInstanceOf(MediaStoreException.class);
    }

    @Test
    void aDirectoryThatIsAFileFailsTheStart() throws IOException {
        Path file = Files.writeString(parent.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> new FilesystemMediaStore(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("blog.media.filesystem.directory")
                .hasMessageContaining(file.toString());
    }
}
