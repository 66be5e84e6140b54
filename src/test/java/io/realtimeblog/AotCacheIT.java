package io.realtimeblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/aot-cache.sh} as an operator runs it (docs/operations.md, "Warm-up"): it trains the packaged app
 * under the bench tool's load on a JDK 25 and assembles the AOT cache; the app then starts from the extracted jar
 * with that cache under {@code -XX:AOTMode=on}, where a cache the JVM cannot use is an error rather than ignored, and
 * serves: a post written through it is listed.
 */
class AotCacheIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMAIL = "admin@aot.test";
    private static final String PASSWORD = "aot-cache-test-password";
    private static final Path OUT = Path.of("target", "aot-it");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process app;
    private int port;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void theScriptsCacheIsTakenByTheJvmAndTheAppServesWithIt() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/realtime-blog.jar")).toAbsolutePath();
        Path scriptLog = Path.of("target", "aot-cache-script.log");
        ProcessBuilder script = new ProcessBuilder("bash", "scripts/aot-cache.sh", jar.toString(), OUT.toString())
                .redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        script.environment().put("AOT_TRAINING_SECONDS", "15");
        script.environment().put("AOT_PORT", String.valueOf(freePort()));
        Process training = script.start();
        assertThat(training.waitFor(10, TimeUnit.MINUTES)).as("the script ends").isTrue();
        assertThat(training.exitValue()).as("the script's exit status (see %s)", scriptLog).isZero();
        assertThat(OUT.resolve("app.aot")).isNotEmptyFile();

        // Its last line is the command to run the app with the cache: the JDK it trained with, the cache, the jar.
        List<String> lines = Files.readAllLines(scriptLog);
        List<String> command = List.of(lines.get(lines.size() - 1).split(" "));
        assertThat(command).hasSize(4).element(1).asString().startsWith("-XX:AOTCache=");
        port = freePort();
        app = start(command);

        String token = login();
        String id = send("POST", "/api/posts", token, Map.of("title", "Served with the AOT cache", "body", "body"))
                .get("id").asString();
        assertThat(send("GET", "/api/posts?size=10", token, null).get("items").findValuesAsString("id")).contains(id);
    }

    private Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command.get(0), "-Xmx1g", "-XX:AOTMode=on", command.get(1),
                command.get(2), command.get(3))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "aot-cache-app.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("BLOG_DATA_DIR", dataDir.toString());
        env.put("PORT", String.valueOf(port));
        env.put("BLOG_KAFKA_EMBEDDED_PORT", String.valueOf(freePort()));
        env.put("BLOG_KAFKA_EMBEDDED_CONTROLLERPORT", String.valueOf(freePort()));
        env.put("BLOG_ADMIN_EMAIL", EMAIL);
        env.put("BLOG_ADMIN_PASSWORD", PASSWORD);
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        app = process;
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited (a cache it could not use?): see target/aot-cache-app.log");
            }
            return healthy();
        });
        return process;
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/readyz")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String login() throws Exception {
        return send("POST", "/api/auth/login", null, Map.of("email", EMAIL, "password", PASSWORD))
                .get("accessToken").asString();
    }

    private JsonNode send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
