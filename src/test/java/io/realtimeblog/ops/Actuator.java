package io.realtimeblog.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the actuator over real HTTP, as a probe or a Prometheus scraper would: anonymously, or with a staff
 * member's access token (details and metrics on the main port are for ADMIN tokens).
 */
public final class Actuator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    /** Anonymous, as a load balancer's probe. */
    public Actuator(int port) {
        this(port, null);
    }

    /** With {@code Authorization: Bearer <token>} on every request ({@code null}: none). */
    public Actuator(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The response to {@code GET /actuator/<path>}. */
    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/" + path))
                .timeout(Duration.ofSeconds(15)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The anonymous response to {@code GET <path>} on the port, e.g. {@code /readyz}. */
    public static HttpResponse<String> getPath(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The scrape text of {@code /actuator/prometheus}. */
    public String scrape() {
        HttpResponse<String> response = get("prometheus");
        if (response.statusCode() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * The value of one sample in a scrape, e.g. {@code value(text, "blog_realtime_sessions", "audience=\"staff\"")},
     * or -1 when absent. {@code labels} must match the sample's whole label set.
     */
    public static double value(String scrape, String name, String labels) {
        String series = Pattern.quote(name) + (labels == null ? "" : "\\{" + Pattern.quote(labels) + "\\}");
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)").matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
