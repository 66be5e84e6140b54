package io.realtimeblog.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link MediaStore} does, whatever it stores into. Each store's test class extends this with a fresh,
 * empty store per test and an independent look at what it holds ({@link #storedKeys()}: the files on disk, the
 * objects in the bucket), so that "nothing was stored" is checked where the bytes would be, not through the store.
 */
abstract class MediaStoreContract {

    /** The store under test, empty at the start of each test. */
    abstract MediaStore store();

    /** Everything the store holds, seen without the store: relative file paths, or every object of the bucket. */
    abstract List<String> storedKeys();

    @Test
    void getReturnsTheBytesThatWerePut() {
        byte[] bytes = randomBytes(1, 50_000);

        store().put("0f3a/640.webp", bytes, "image/webp");

        assertThat(store().get("0f3a/640.webp")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));
    }

    @Test
    void aMissingKeyIsEmpty() {
        store().put("0f3a/640.webp", bytes("there"), "image/webp");

        assertThat(store().get("0f3a/320.webp")).isEmpty();
        assertThat(store().get("unknown/640.webp")).isEmpty();
    }

    @Test
    void putReplacesWhatWasThere() {
        store().put("0f3a/640.webp", randomBytes(2, 40_000), "image/webp");
        byte[] second = randomBytes(3, 1_000);

        store().put("0f3a/640.webp", second, "image/webp");

        assertThat(store().get("0f3a/640.webp")).hasValueSatisfying(read -> assertThat(read).isEqualTo(second));
        assertThat(storedKeys()).hasSize(1);
    }

    @Test
    void deleteRemovesOnlyThatKey() {
        store().put("0f3a/640.webp", bytes("a"), "image/webp");
        store().put("0f3a/320.webp", bytes("b"), "image/webp");

        store().delete("0f3a/640.webp");

        assertThat(store().get("0f3a/640.webp")).isEmpty();
        assertThat(store().get("0f3a/320.webp")).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes("b")));
        assertThat(storedKeys()).hasSize(1);
    }

    @Test
    void deletingAMissingKeyIsNotAnError() {
        store().put("0f3a/640.webp", bytes("a"), "image/webp");
        store().delete("0f3a/640.webp");

        store().delete("0f3a/640.webp");
        store().delete("never/was.webp");

        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void anEmptyObjectIsStoredAndDistinctFromAMissingOne() {
        store().put("empty/0.png", new byte[0], "image/png");

        assertThat(store().get("empty/0.png")).hasValueSatisfying(read -> assertThat(read).isEmpty());
    }

    @Test
    void aLargeObjectComesBackWhole() {
        byte[] large = randomBytes(4, 24 * 1024 * 1024 + 17);

        store().put("big/2400.jpg", large, "image/jpeg");

        assertThat(store().get("big/2400.jpg")).hasValueSatisfying(read -> assertThat(read).isEqualTo(large));
    }

    @Test
    void concurrentPutsOfDifferentKeysAllLand() throws Exception {
        int keys = 48;
        List<Callable<Void>> puts = IntStream.range(0, keys).<Callable<Void>>mapToObj(i -> () -> {
            store().put("m" + (i % 6) + "/" + i + ".webp", randomBytes(i, 20_000 + i), "image/webp");
            return null;
        }).toList();

        runConcurrently(puts, 8);

        for (int i = 0; i < keys; i++) {
            byte[] expected = randomBytes(i, 20_000 + i);
            assertThat(store().get("m" + (i % 6) + "/" + i + ".webp")).as("key %d", i)
                    .hasValueSatisfying(read -> assertThat(read).isEqualTo(expected));
        }
        assertThat(storedKeys()).hasSize(keys);
    }

    @Test
    void aReaderNeverSeesAHalfWrittenObject() throws Exception {
        byte[] first = randomBytes(5, 2 * 1024 * 1024);
        byte[] second = randomBytes(6, 3 * 1024 * 1024);
        store().put("race/1600.webp", first, "image/webp");
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] bytes = i % 2 == 0 ? second : first;
            work.add(() -> {
                store().put("race/1600.webp", bytes, "image/webp");
                return null;
            });
            work.add(() -> {
                Optional<byte[]> read = store().get("race/1600.webp");
                assertThat(read).hasValueSatisfying(r -> assertThat(r).matches(
                        candidate -> java.util.Arrays.equals(candidate, first)
                                || java.util.Arrays.equals(candidate, second), "one whole version"));
                return null;
            });
        }

        runConcurrently(work, 4);

        assertThat(storedKeys()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.webp", "../../etc/passwd", "0f3a/../../escape.webp", "/etc/passwd",
            "/tmp/abs.webp", "0f3a//640.webp", "0f3a/./640.webp", ".hidden", "0f3a/.put-1.tmp", "0f3a/", "",
            "..", ".", "0f3a\\..\\escape", "C:\\escape", "0f3a/640.webp\u0000.png", "a b.webp", "%2e%2e/escape",
            "0f3a/ü.webp", "0f3a/640.webp\n"})
    void aHostileKeyIsRefusedAndNothingIsStored(String key) {
        byte[] bytes = bytes("payload");

        assertThatThrownBy(() -> store().put(key, bytes, "image/webp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void anOverlongKeyIsRefused() {
        String key = "k/" + "a".repeat(MediaKeys.MAX_LENGTH);

        assertThatThrownBy(() -> store().put(key, bytes("x"), "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storedKeys()).isEmpty();
    }

    static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void runConcurrently(List<Callable<Void>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
