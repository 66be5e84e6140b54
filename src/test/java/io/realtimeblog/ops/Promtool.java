package io.realtimeblog.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own {@code promtool} (Debian package {@code prometheus}; .ci/run installs it). Its checks are
 * Prometheus's parser and rule evaluator themselves, which no hand-written parser could match. Missing, it fails
 * the test with the way to install it instead of skipping: a rule file nobody checked must not pass as checked.
 */
final class Promtool {

    /** Exit code and combined output of one run. */
    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static Result run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("promtool");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed (it checks the Prometheus rules): "
                    + "apt-get install prometheus, as .ci/run does", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + arguments[0] + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
