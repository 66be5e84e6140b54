package io.realtimeblog.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.realtimeblog.datafolder.OwnerOnly;

/**
 * Where the HMAC key for access tokens comes from: {@code blog.auth.jwt-secret}, or, for the embedded default, a
 * key generated once and kept in a file readable only by its owner.
 */
final class JwtSecrets {

    static final int MIN_BYTES = 32;

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

    private static void create(Path file) {
        byte[] key = new byte[MIN_BYTES * 2];
        new SecureRandom().nextBytes(key);
        // if another process was first, its key is used
        OwnerOnly.createFile(file, Base64.getEncoder().encodeToString(key) + "\n");
    }
}
