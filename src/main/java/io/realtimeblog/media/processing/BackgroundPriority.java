package io.realtimeblog.media.processing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the calling thread (its Linux nice value), so that CPU-heavy background work,
 * an upload's decoding and re-encoding, gives way to the threads that deliver events and answer requests when the
 * machine is busy, and still uses whatever CPU is idle. Java has no API for it (thread priorities are ignored on
 * Linux unless the JVM runs as root), so the thread finds its own task id from {@code /proc/thread-self} and
 * asks {@code renice} for it; raising one's own nice value needs no privilege. Where that is not possible (not
 * Linux, no {@code renice}) the thread keeps its priority and this is logged once.
 */
final class BackgroundPriority {

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static volatile boolean warned;

    private BackgroundPriority() {
    }

    /** Gives the calling thread the nice value {@code nice} (1 to 19); 0 leaves it alone. */
    static void lowerThisThread(int nice) {
        if (nice <= 0) {
            return;
        }
        try {
            String task = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", task)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                renice.destroy();
                warnOnce("renice did not succeed");
            }
        } catch (IOException | UnsupportedOperationException e) {
            warnOnce(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The calling thread's nice value, from {@code /proc/thread-self/stat} (field 19). */
    static int niceOfThisThread() throws IOException {
        String stat = Files.readString(THREAD_SELF.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            log.warn("Image decoding runs at normal priority ({}); uploads may slow event delivery on a busy machine", why);
        }
    }
}
