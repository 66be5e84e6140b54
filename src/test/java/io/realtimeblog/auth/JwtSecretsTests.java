package io.realtimeblog.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretsTests {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredSecretOfAtLeast256BitsIsUsed() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);

        SecretKey key = JwtSecrets.resolve(secret, dataDir);

        assertThat(key.getEncoded()).hasSize(32);
        assertThat(key.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }

    @Test
    void aConfiguredSecretShorterThan256BitsIsRejectedWithAClearMessage() {
        String secret = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatIllegalStateException().isThrownBy(() -> JwtSecrets.resolve(secret, dataDir))
                .withMessageContaining("BLOG_AUTH_JWT_SECRET")
                .withMessageContaining("248 bits")
                .withMessageContaining("at least 256");
    }

    @Test
    void aSecretThatIsNotBase64IsRejected() {
        assertThatIllegalStateException().isThrownBy(() -> JwtSecrets.resolve("not base64!!", dataDir))
                .withMessageContaining("not valid base64");
    }

    @Test
    void withoutAConfiguredSecretOneIsGeneratedOnceAndReused() throws Exception {
        SecretKey first = JwtSecrets.resolve(null, dataDir);
        SecretKey second = JwtSecrets.resolve(null, dataDir);

        assertThat(first.getEncoded()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second.getEncoded());
        Path file = dataDir.resolve("secrets").resolve("jwt-secret");
        assertThat(file).exists();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
