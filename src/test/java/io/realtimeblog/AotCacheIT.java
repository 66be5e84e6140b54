package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/aot-cache.sh} as an operator runs it (docs/operations.md, "Warm-up"): it trains the packaged app
 * under the bench tool's load on a JDK 25 and assembles the AOT cache; the app then starts from the extracted jar
 * with that cache under {@code -XX:AOTMode=on}, where a cache the JVM cannot use is an error rather than ignored, and
 * serves: a post written through it is listed.
 */
class AotCacheIT {

    private static final Path OUT = Path.of("target", "aot-it");

    @TempDir
    Path dataDir;

    private PackagedApp app;

    @AfterEach
    void stop() {
        if (app != null && app.process() != null) {
            app.process().destroyForcibly();
        }
    }

    @Test
    void theScriptsCacheIsTakenByTheJvmAndTheAppServesWithIt() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/realtime-blog.jar")).toAbsolutePath();
        Path scriptLog = Path.of("target", "aot-cache-script.log");
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/aot-cache.sh", jar.toString(), OUT.toString())
                .redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        script.environment().put("AOT_TRAINING_SECONDS", "15");
        script.environment().put("AOT_PORT", String.valueOf(PackagedApp.freePort()));
        Process training = script.start();
        assertThat(training.waitFor(10, TimeUnit.MINUTES)).as("the script ends").isTrue();
        assertThat(training.exitValue()).as("the script's exit status (see %s)", scriptLog).isZero();
        assertThat(OUT.resolve("app.aot")).isNotEmptyFile();

        // Its last line is the command to run the app with the cache: the JDK it trained with, the cache, the jar.
        List<String> lines = Files.readAllLines(scriptLog);
        List<String> command = List.of(lines.get(lines.size() - 1).split(" "));
        assertThat(command).hasSize(4).element(1).asString().startsWith("-XX:AOTCache=");
        app = new PackagedApp(dataDir, "admin@aot.test", "aot-cache-test-password");
        // -XX:AOTMode=on: a cache the JVM cannot use stops the start instead of being ignored.
        app.start(List.of(command.get(0), "-Xmx1g", "-XX:AOTMode=on", command.get(1), command.get(2), command.get(3)),
                Path.of("target", "aot-cache-app.log"));

        String token = app.login();
        String id = app.send("POST", "/api/posts", token, Map.of("title", "Served with the AOT cache", "body", "body"))
                .get("id").asString();
        assertThat(app.send("GET", "/api/posts?size=10", token, null).get("items").findValuesAsString("id"))
                .contains(id);
    }
}
