package io.realtimeblog.realtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processes of {@code scripts/scale-out.sh} (a standalone Kafka broker and two instances of the packaged jar
 * on the MariaDB database), started and stopped through the script itself, plus REST calls to either instance.
 * Ports are free ones unless {@code SCALE_OUT_PORTS}, {@code SCALE_OUT_KAFKA_PORT} and
 * {@code SCALE_OUT_CONTROLLER_PORT} are set; state and logs go to {@code target/scale-out-it}.
 */
final class ScaleOutSet {

    static final String EMAIL = "admin@scale-out.test";
    private static final String PASSWORD = "scale-out-test-password";
    private static final Path SCRIPT = Path.of("scripts", "scale-out.sh");
    private static final Path DIR = Path.of("target", "scale-out-it").toAbsolutePath();

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Integer> ports;
    private final Map<String, String> env;

    ScaleOutSet(JsonMapper json) throws IOException {
        this.json = json;
        String ports = setting("SCALE_OUT_PORTS", freePort() + " " + freePort());
        this.ports = List.of(ports.trim().split("\\s+")).stream().map(Integer::valueOf).toList();
        this.env = Map.ofEntries(
                Map.entry("SCALE_OUT_DIR", DIR.toString()),
                Map.entry("SCALE_OUT_JAR", jar()),
                Map.entry("SCALE_OUT_PORTS", ports),
                Map.entry("SCALE_OUT_KAFKA_PORT", setting("SCALE_OUT_KAFKA_PORT", String.valueOf(freePort()))),
                Map.entry("SCALE_OUT_CONTROLLER_PORT", setting("SCALE_OUT_CONTROLLER_PORT", String.valueOf(freePort()))),
                Map.entry("SCALE_OUT_DATABASE", System.getProperty("scaleout.database", "scaleout")),
                // A small machine shared with the build: quick start matters more here than peak throughput.
                Map.entry("SCALE_OUT_APP_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
                Map.entry("SCALE_OUT_KAFKA_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"),
                // Generous: CI shares its cores with other builds; on an idle machine the set is up in well under it.
                Map.entry("SCALE_OUT_START_TIMEOUT", "300"),
                Map.entry("JAVA_HOME", System.getProperty("java.home")),
                Map.entry("BLOG_ADMIN_EMAIL", EMAIL),
                Map.entry("BLOG_ADMIN_PASSWORD", PASSWORD));
    }

    private static String setting(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    private static String jar() {
        return Path.of(System.getProperty("app.jar", "target/realtime-blog.jar")).toAbsolutePath().toString();
    }

    /** {@code scale-out.sh start --fresh}: a blank database and broker; returns when every instance is ready. */
    void start() throws Exception {
        run("start", "--fresh");
    }

    /** {@code scale-out.sh stop}: SIGTERM to everything it started, SIGKILL after its timeout. */
    void stop() throws Exception {
        run("stop");
    }

    int port(int instance) {
        return ports.get(instance - 1);
    }

    /** SIGKILL to an instance (its pid from the script's pid file); returns once the process is gone. */
    void kill(int instance) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid(instance)).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    /** The instance that holds the outbox relay lease (its holder name starts with the pid). */
    int relayInstance() throws Exception {
        String url = "jdbc:mariadb://127.0.0.1:3306/" + env.get("SCALE_OUT_DATABASE");
        try (Connection db = DriverManager.getConnection(url, "root", "");
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT holder FROM outbox_lease WHERE name = 'relay'")) {
            String holder = row.next() ? row.getString(1) : "";
            for (int instance = 1; instance <= ports.size(); instance++) {
                if (holder.startsWith(pid(instance) + "@")) {
                    return instance;
                }
            }
            throw new IllegalStateException("no instance holds the relay lease: '" + holder + "'");
        }
    }

    private long pid(int instance) throws IOException {
        return Long.parseLong(Files.readString(DIR.resolve("app" + instance).resolve("app.pid")).trim());
    }

    String login(int instance) throws Exception {
        return send(instance, "POST", "/api/auth/login", null, null, Map.of("email", EMAIL, "password", PASSWORD))
                .get("accessToken").asString();
    }

    JsonNode create(int instance, String token, String title) throws Exception {
        return send(instance, "POST", "/api/posts", token, null, Map.of("title", title, "body", "Body of " + title));
    }

    JsonNode update(int instance, String token, JsonNode post, String title) throws Exception {
        return send(instance, "PUT", "/api/posts/" + post.get("id").asString(), token, post.get("version").asLong(),
                Map.of("title", title, "body", "Body of " + title));
    }

    JsonNode publish(int instance, String token, JsonNode post) throws Exception {
        return send(instance, "POST", "/api/posts/" + post.get("id").asString() + "/publish", token,
                post.get("version").asLong(), null);
    }

    private JsonNode send(int instance, String method, String path, String token, Long version, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(instance) + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " on instance " + instance + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private void run(String... args) throws Exception {
        Files.createDirectories(DIR.getParent());
        Path log = DIR.getParent().resolve("scale-out-it-script.log");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString());
        builder.command().addAll(List.of(args));
        builder.environment().putAll(env);
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().remove("BLOG_AUTH_JWT_SECRET");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process script = builder.start();
        if (!script.waitFor(20, TimeUnit.MINUTES)) { // only a guard: the script has its own timeouts
            script.destroyForcibly();
            throw new IllegalStateException("scale-out.sh " + args[0] + " hung; see " + log);
        }
        if (script.exitValue() != 0) {
            throw new IllegalStateException("scale-out.sh " + String.join(" ", args) + " failed; see " + log + ":\n"
                    + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
