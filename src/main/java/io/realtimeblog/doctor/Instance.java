package io.realtimeblog.doctor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A running instance of the application, through its public REST API, as an operator's tool would use it. */
final class Instance {

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    Instance(URI base, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.timeout = timeout;
        // HTTP/1.1: the default (HTTP/2 with an h2c upgrade on plain http) stalls requests that carry a body.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    URI base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    /** {@code ws(s)://host:port/ws}: the WebSocket endpoint of this instance. */
    URI webSocket() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "/ws");
    }

    /**
     * The status of the readiness group ({@code readinessState} and {@code db}), from {@code /readyz}: on the main
     * port whether or not the actuator has a management port of its own, and open to anonymous callers, who get
     * the status only.
     */
    String readiness() throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/readyz").GET(), null);
        JsonNode status = json.readTree(response.body()).path("status");
        return status.isMissingNode() ? "absent (HTTP " + response.statusCode() + ")" : status.asString();
    }

    /** Logs in; returns the access token, or throws {@link Failure} with the server's answer. */
    String login(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/auth/login")
                .POST(body(Map.of("email", email, "password", password))), null);
        expect(response, 200, "log in as " + email);
        return json.readTree(response.body()).path("accessToken").asString();
    }

    JsonNode createPost(String token, String title, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/posts")
                .POST(body(Map.of("title", title, "body", body))), token);
        expect(response, 201, "create a post");
        return json.readTree(response.body());
    }

    void deletePost(String token, String id, long version) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request("/api/posts/" + id)
                .header("If-Match", "\"" + version + "\"").DELETE(), token);
        expect(response, 204, "delete the probe post " + id);
    }

    JsonMapper json() {
        return json;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String action) {
        if (response.statusCode() != status) {
            throw new Failure("could not " + action + ": HTTP " + response.statusCode() + " " + response.body(),
                    response.statusCode());
        }
    }

    /** The instance answered, but not as expected. */
    static final class Failure extends RuntimeException {

        private final int status;

        Failure(String message, int status) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
