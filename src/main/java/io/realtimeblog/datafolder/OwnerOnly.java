package io.realtimeblog.datafolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders ({@code 0700}) and files ({@code 0600}) that only the user running the application can read. On a file
 * system without POSIX permissions (Windows) files are made readable and writable by their owner only, as far as
 * {@link java.io.File} allows.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /**
     * Creates the folder and any missing parent as owner-only; makes the folder itself owner-only if it existed.
     *
     * @return the folder
     */
    public static Path createDirectories(Path dir) {
        try {
            if (isPosix(dir.getFileSystem())) {
                Files.createDirectories(dir, folderAttribute());
            } else {
                Files.createDirectories(dir);
            }
            restrict(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + dir, e);
        }
    }

    /**
     * Creates an owner-only file with this content, in an owner-only folder (created when missing). The file appears
     * complete or not at all; if it exists already (another process was first), it is left as it is.
     *
     * @return {@code true} if this call created the file
     */
    public static boolean createFile(Path file, String content) {
        Path dir = createDirectories(file.toAbsolutePath().getParent());
        try {
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                restrict(temp);
                Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                // a hard link fails if the file exists, so a race between two processes has one winner
                Files.createLink(file, temp);
                return true;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return false;
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temp, file);
                return true;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file " + file, e);
        }
    }

    /** The attribute that creates a file owner-only, for {@code Files.createFile} or {@code FileChannel.open}. */
    public static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** The attribute that creates a folder owner-only. */
    public static FileAttribute<Set<PosixFilePermission>> folderAttribute() {
        return PosixFilePermissions.asFileAttribute(FOLDER);
    }

    /** Whether files on it take POSIX permissions, i.e. whether {@link #fileAttribute()} may be passed. */
    public static boolean isPosix(FileSystem fileSystem) {
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }

    /** Makes one existing file ({@code 0600}) or folder ({@code 0700}) owner-only. */
    public static void restrict(Path path) throws IOException {
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> wanted = folder ? FOLDER : FILE;
            if (!posix.readAttributes().permissions().equals(wanted)) {
                posix.setPermissions(wanted);
            }
            return;
        }
        var file = path.toFile();
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
        file.setExecutable(false, false);
        if (folder) {
            file.setExecutable(true, true);
        }
    }

    /**
     * Makes the folder and everything below it owner-only. Symbolic links are neither followed nor changed. Files
     * that vanish meanwhile (a running broker deletes old segments) are skipped; a file that cannot be changed (owned
     * by another user) is logged and skipped.
     *
     * @return how many files and folders had other permissions before
     */
    public static int restrictTree(Path root) {
        int[] changed = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    tighten(dir, changed);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        tighten(file, changed);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        log.warn("Cannot make {} owner-only: {}", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + root + " owner-only", e);
        }
        return changed[0];
    }

    private static void tighten(Path path, int[] changed) {
        try {
            if (isPosix(path.getFileSystem())) {
                Set<PosixFilePermission> before = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (before.equals(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE)) {
                    return;
                }
            }
            restrict(path);
            changed[0]++;
        } catch (NoSuchFileException vanished) {
            // deleted while we walked: nothing to protect
        } catch (IOException | SecurityException e) {
            log.warn("Cannot make {} owner-only: {}", path, e.toString());
        }
    }
}
