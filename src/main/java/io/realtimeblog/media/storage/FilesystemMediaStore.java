package io.realtimeblog.media.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.realtimeblog.datafolder.OwnerOnly;

/**
 * Renditions as files under one directory, the key being the path below it ({@code <directory>/3f2c…/640.webp}).
 * <p>
 * A put writes a temporary file next to the target, forces it to disk and renames it over the target in one atomic
 * step: a reader (on this or any instance sharing the volume) sees the old bytes or the new ones, never a part, and a
 * crash leaves at most a stray {@code .put-*.tmp} file, which no key can name. Files are {@code 0600} and folders
 * {@code 0700} ({@link OwnerOnly}): every instance sharing the directory must run as the same user. A delete removes
 * the folders it leaves empty.
 */
final class FilesystemMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(FilesystemMediaStore.class);
    /** A delete may remove the folder a put is about to write into; the put then creates it again. */
    private static final int PUT_ATTEMPTS = 3;

    private final Path root;

    /** Creates the directory when missing (owner-only) and fails the start when it cannot be written. */
    FilesystemMediaStore(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            root = OwnerOnly.createDirectories(absolute);
        } catch (RuntimeException e) {
            throw new IllegalStateException("blog.media.filesystem.directory: cannot create " + absolute
                    + " (" + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(root)) {
            throw new IllegalStateException("blog.media.filesystem.directory: " + root + " is not writable");
        }
        log.info("Media renditions are stored in {}", root);
    }

    Path directory() {
        return root;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        Path target = resolve(key);
        for (int attempt = 1; ; attempt++) {
            try {
                write(target, bytes);
                return;
            } catch (NoSuchFileException folderDeletedMeanwhile) {
                if (attempt == PUT_ATTEMPTS) {
                    throw new MediaStoreException("Cannot write media " + key, folderDeletedMeanwhile);
                }
            } catch (IOException | RuntimeException e) {
                throw new MediaStoreException("Cannot write media " + key, e);
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        Path file = resolve(key);
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            // NOFOLLOW_LINKS: a symbolic link planted in the directory is not followed out of it
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(Channels.newInputStream(channel).readAllBytes());
            }
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MediaStoreException("Cannot read media " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new MediaStoreException("Cannot delete media " + key, e);
        }
        removeEmptyFolders(file.getParent());
    }

    private Path resolve(String key) {
        Path file = root.resolve(MediaKeys.requireValid(key)).normalize();
        // the key rule already makes this impossible; a second, independent check costs nothing
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("Not a valid media store key: \"" + key + '"');
        }
        return file;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path folder = OwnerOnly.createDirectories(target.getParent());
        Path temp = OwnerOnly.isPosix(folder.getFileSystem())
                ? Files.createTempFile(folder, ".put-", ".tmp", OwnerOnly.fileAttribute())
                : Files.createTempFile(folder, ".put-", ".tmp");
        try {
            OwnerOnly.restrict(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("The file system of " + folder + " cannot rename atomically", e);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a folder (Windows cannot): best effort. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot sync the folder {}: {}", folder, e.toString());
        }
    }

    private void removeEmptyFolders(Path folder) {
        for (Path current = folder; current != null && !current.equals(root) && current.startsWith(root);
                current = current.getParent()) {
            try {
                Files.deleteIfExists(current);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            } catch (IOException e) {
                log.debug("Cannot remove the empty folder {}: {}", current, e.toString());
                return;
            }
        }
    }
}
