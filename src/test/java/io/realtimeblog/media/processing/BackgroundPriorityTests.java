package io.realtimeblog.media.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.realtimeblog.media.MediaProperties;
import io.realtimeblog.media.TestImages;

/** Upload decoding gives way to the rest of the server: its threads run at a higher Linux nice value. */
class BackgroundPriorityTests {

    @Test
    void aThreadLowersItsOwnPriorityAndNoOtherThreads() throws Exception {
        int before = BackgroundPriority.niceOfThisThread();
        int lowered = CompletableFuture.supplyAsync(() -> {
            BackgroundPriority.lowerThisThread(before + 7);
            try {
                return BackgroundPriority.niceOfThisThread();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable).start()).get(10, TimeUnit.SECONDS);

        assertThat(lowered).isEqualTo(before + 7);
        assertThat(BackgroundPriority.niceOfThisThread()).isEqualTo(before);
    }

    @Test
    void theThreadsThatDecodeUploadsRunAtTheConfiguredNiceValue() throws Exception {
        MediaProperties properties = new MediaProperties(MediaProperties.Storage.DATABASE, DataSize.ofMegabytes(10),
                40_000_000, List.of(320), 1, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofMinutes(2), 0.85f, 12);
        ImageProcessor processor = new ImageProcessor(properties);
        try {
            processor.process(TestImages.jpeg(400, 300));

            // Other processors' decode threads (other tests', at the default 10) may still be ending: this one's is at 12.
            assertThat(niceOfThreadsNamed("media-decode-")).contains(12).doesNotContain(BackgroundPriority.niceOfThisThread());
        } finally {
            processor.destroy();
        }
    }

    /** The nice values of this process's threads whose name starts with {@code prefix} (Linux: /proc/self/task). */
    private static List<Integer> niceOfThreadsNamed(String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> read(task.resolve("comm")).strip().startsWith(prefix))
                    .map(task -> {
                        String stat = read(task.resolve("stat"));
                        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
                    }).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
