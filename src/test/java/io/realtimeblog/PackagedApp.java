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

import org.awaitility.Awaitility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application as a child process on its embedded defaults (H2 file, embedded Kafka) in a data folder
 * of the test's, with its own ports and ADMIN account, and a plain HTTP client of it. For the tests that run the
 * jar as an operator does ({@link CrashRecoveryIT}, {@link AotCacheIT}); stop the process in the test's
 * {@code @AfterEach} ({@link #process()}).
 */
public final class PackagedApp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final String email;
    private final String password;
    private final int port;
    private final int kafkaPort;
    private final int controllerPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    /** Free ports for the app and its broker, kept across restarts of the process. */
    public PackagedApp(Path dataDir, String email, String password) throws IOException {
        this.dataDir = dataDir;
        this.email = email;
        this.password = password;
        this.port = freePort();
        this.kafkaPort = freePort();
        this.controllerPort = freePort();
    }

    /**
     * Starts {@code java} (everything before the app's own arguments: the binary, JVM options, {@code -jar} and the
     * jar), its output in {@code log}, and waits until it is ready.
     */
    public Process start(List<String> java, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("BLOG_DATA_DIR", dataDir.toString());
        env.put("PORT", String.valueOf(port));
        env.put("BLOG_KAFKA_EMBEDDED_PORT", String.valueOf(kafkaPort));
        env.put("BLOG_KAFKA_EMBEDDED_CONTROLLERPORT", String.valueOf(controllerPort));
        env.put("BLOG_ADMIN_EMAIL", email);
        env.put("BLOG_ADMIN_PASSWORD", password);
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.remove("SPRING_DATASOURCE_URL");
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process started = builder.start();
        process = started; // stopped by the test's @AfterEach even when it never becomes ready
        // Generous: on a loaded 2-core machine the app has needed over 3 minutes to start (about 10 s when idle).
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!started.isAlive()) {
                throw new IllegalStateException("The app exited: see " + log);
            }
            return ready();
        });
        return started;
    }

    /** The running process, or null before the first start. */
    public Process process() {
        return process;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** The ADMIN's access token. */
    public String login() throws Exception {
        return send("POST", "/api/auth/login", null, Map.of("email", email, "password", password))
                .get("accessToken").asString();
    }

    /** A JSON request that must succeed (2xx); its JSON answer. */
    public JsonNode send(String method, String path, String token, Object body) throws Exception {
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

    private boolean ready() {
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

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
