package io.realtimeblog.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the HMAC key for access tokens comes from: {@code blog.auth.jwt-secret}, or, for the embedded default, a
 * key generated once and kept in a file readable only by its owner.
 */
final class JwtSecrets {

    static final int MIN_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private JwtSecrets() {
    }

    static SecretKey resolve(String configured, Path dataDir) {
        byte[] bytes = configured != null ? decode(configured, "blog.auth.jwt-secret (BLOG_AUTH_JWT_SECRET)")
                : loadOrCreate(dataDir.resolve("secrets").resolve("jwt-secret"));
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", "").replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64. Generate a key with: openssl rand -base64 32");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(source + " is too short: it decodes to " + bytes.length * 8
                    + " bits, at least " + MIN_BYTES * 8 + " are required for HS256. Generate a key with: "
                    + "openssl rand -base64 32");
        }
        return bytes;
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrict(dir, OWNER_ONLY_DIR);
        }
        byte[] key = new byte[MIN_BYTES * 2];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, "jwt-secret", ".tmp");
        try {
            restrict(temp, OWNER_ONLY_FILE);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // a link appears complete or not at all, and fails if another process won the race
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // use the other process's key
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, permissions);
        } else {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
            path.toFile().setWritable(false, false);
            path.toFile().setWritable(true, true);
        }
    }
}
