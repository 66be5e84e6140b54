package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Dockerfile's runtime stage, step by step on this machine's JDK 25 (no Docker engine runs here): the packaged jar
 * extracted by layers and the layers copied into one app folder, {@code scripts/aot-cache.sh} training the app there
 * ({@code AOT_APP_DIR}) under the bench tool's load and assembling the cache, then the app started with the
 * Dockerfile's own ENTRYPOINT (its paths moved from {@code /app} to that folder) under {@code -XX:AOTMode=on}, where a
 * cache the JVM cannot use is an error rather than ignored, and serving: a post written through it is listed.
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
    void theImagesCacheIsTakenByTheJvmAndTheAppServesWithIt() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/realtime-blog.jar")).toAbsolutePath();
        Path java = Path.of(javaOfTheScript());
        FileSystemUtils.deleteRecursively(OUT);
        Path layers = OUT.resolve("layers").toAbsolutePath();
        Path appDir = OUT.resolve("app").toAbsolutePath();
        Path scriptLog = Path.of("target", "aot-cache-script.log");

        // RUN java -Djarmode=tools -jar target/realtime-blog.jar extract --layers ...; COPY each layer into /app
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--destination", layers.toString()), scriptLog);
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            if (Files.isDirectory(layers.resolve(layer))) { // an empty layer (no snapshot dependencies) is not written
                FileSystemUtils.copyRecursively(layers.resolve(layer), appDir);
            }
        }

        // RUN AOT_APP_DIR=/app ... scripts/aot-cache.sh unused /tmp/aot && mv /tmp/aot/app.aot /app/app.aot
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/aot-cache.sh", "unused", OUT.resolve("aot").toString())
                .redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        script.environment().put("AOT_APP_DIR", appDir.toString());
        script.environment().put("AOT_JAVA", java.toString());
        script.environment().put("AOT_TRAINING_SECONDS", "15");
        script.environment().put("AOT_PORT", String.valueOf(PackagedApp.freePort()));
        Process training = script.start();
        assertThat(training.waitFor(10, TimeUnit.MINUTES)).as("the script ends").isTrue();
        assertThat(training.exitValue()).as("the script's exit status (see %s)", scriptLog).isZero();
        Files.move(OUT.resolve("aot/app.aot"), appDir.resolve("app.aot"));
        assertThat(appDir.resolve("app.aot")).isNotEmptyFile();
        // Nothing of the training is left in the app folder (the image ships it): no data, no logs, no reports.
        try (Stream<Path> files = Files.list(appDir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("realtime-blog.jar", "lib", "app.aot");
        }

        // ENTRYPOINT, with -XX:AOTMode=on: a cache the JVM cannot use stops the start instead of being ignored.
        List<String> command = new ArrayList<>();
        for (String part : entrypoint()) {
            command.add(part.equals("java") ? java.toString() : part.replace("/app/", appDir + "/"));
        }
        assertThat(command).contains("-XX:AOTCache=" + appDir.resolve("app.aot"), "-jar",
                appDir.resolve("realtime-blog.jar").toString());
        command.add(1, "-XX:AOTMode=on");
        command.add(2, "-Xmx1g"); // the image's MaxRAMPercentage of this machine's memory would be far more
        app = new PackagedApp(dataDir, "admin@aot.test", "aot-cache-test-password");
        app.start(command, Path.of("target", "aot-cache-app.log"));

        String token = app.login();
        String id = app.send("POST", "/api/posts", token, Map.of("title", "Served with the AOT cache", "body", "body"))
                .get("id").asString();
        assertThat(app.send("GET", "/api/posts?size=10", token, null).get("items").findValuesAsString("id"))
                .contains(id);
    }

    /** The Dockerfile's ENTRYPOINT, as the exec form's JSON array. */
    private static List<String> entrypoint() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile")).replace("\\\n", " ");
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$").matcher(dockerfile);
        assertThat(entrypoint.find()).as("the Dockerfile has an ENTRYPOINT in exec form").isTrue();
        return List.of(JsonMapper.builder().build().readValue(entrypoint.group(1), String[].class));
    }

    /** The JDK 25 the script would find (AOT_JAVA, else one under /usr/lib/jvm), as CI provides it. */
    private static String javaOfTheScript() throws IOException {
        String configured = System.getenv("AOT_JAVA");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(home -> home.getFileName().toString().contains("-25"))
                    .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No JDK 25 under /usr/lib/jvm and no AOT_JAVA"))
                    .toString();
        }
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s ends", command).isTrue();
        assertThat(process.exitValue()).as("%s's exit status (see %s)", command, log).isZero();
    }
}
