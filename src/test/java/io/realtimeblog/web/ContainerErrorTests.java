package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Errors raised outside Spring MVC, over real HTTP and raw sockets: what the firewall, Tomcat's connector and the
 * error page refuse reaches an API client as a problem body and a browser on a page as a small HTML page of ours;
 * never Tomcat's page, a stack trace or a class name.
 */
@IntegrationTest
class ContainerErrorTests extends AbstractIntegrationTest {

    private static final String[] BAD_PATHS = {"/api/posts/%00", "/api/posts/%2f", "/api/posts/a%2Fb",
            "/api/posts/%zz", "/api/posts/%", "/api/posts/%ff%fe", "/api/posts/%C0%AE%C0%AE", "/api/%2e%2e/%2e%2e/x"};

    @Test
    void aRequestTheFirewallRejectsGetsAProblemBody() throws Exception {
        HttpResponse<String> response = get("/api/posts;jsessionid=abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).isEqualTo("/problems/bad-request");
        assertThat(response.body()).doesNotContain("Exception", "trace");
    }

    @Test
    void aPlainGetOnTheWebSocketEndpointIsAClientError() throws Exception {
        HttpResponse<String> response = get("/ws");
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    void encodedSlashesNulsAndBadEscapesInAnApiPathAreProblems() throws Exception {
        for (String path : BAD_PATHS) {
            RawHttp.Response response = raw("GET " + path + " HTTP/1.1", Map.of("Accept", "application/json"));
            assertProblem(response, 400, path);
        }
    }

    @Test
    void theSameRefusalsOnAPageGiveABrowserOurSmallHtmlPage() throws Exception {
        for (String path : new String[] {"/posts/%00", "/posts/%2f", "/posts/%zz", "/admin/%2f", "/tags/%ff"}) {
            RawHttp.Response response = raw("GET " + path + " HTTP/1.1",
                    Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("text/html");
            assertThat(response.body()).contains("<h1>Bad Request</h1>");
            assertNoInternals(response);
        }
    }

    @Test
    void oversizedHeadersAreAProblemForTheApiAndAPageForABrowser() throws Exception {
        Map<String, String> big = Map.of("X-Padding", "a".repeat(20_000), "Accept", "application/json");
        assertProblem(raw("GET /api/posts HTTP/1.1", big), 400, "oversized header");
        RawHttp.Response page = raw("GET / HTTP/1.1", Map.of("Cookie", "c=" + "a".repeat(20_000),
                "Accept", "text/html"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertNoInternals(page);
    }

    @Test
    void aBrokenRequestLineIsAProblem() throws Exception {
        for (String line : new String[] {"GET /api/posts HTTP/1.1 extra", "GET /api/po sts HTTP/1.1",
                "G\u00c9T /api/posts HTTP/1.1", "GET /api/\u00e9 HTTP/1.1", "GET /api/posts HTTP/9.9"}) {
            RawHttp.Response response = raw(line, Map.of());
            assertThat(response.status()).as(line).isBetween(400, 505);
            assertThat(response.contentType()).as(line).startsWith("application/problem+json");
            assertNoInternals(response);
        }
    }

    @Test
    void errorRequestedDirectlyIsA404NotA500() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo("/problems/not-found");
        RawHttp.Response page = raw("GET /error HTTP/1.1", Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void aMissingPageAnswersABrowserWithHtmlAndAnApiClientWithAProblem() throws Exception {
        RawHttp.Response asset = raw("GET /admin/assets/missing.js HTTP/1.1", Map.of("Accept", "text/html"));
        assertThat(asset.status()).isEqualTo(404);
        assertThat(asset.contentType()).startsWith("text/html");
        assertNoInternals(asset);
        assertProblem(raw("GET /admin/assets/missing.js HTTP/1.1", Map.of("Accept", "*/*")), 404, "asset");
    }

    private void assertProblem(RawHttp.Response response, int status, String what) {
        assertThat(response.status()).as(what).isEqualTo(status);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("type").asString()).as(what).startsWith("/problems/");
        assertNoInternals(response);
    }

    private static void assertNoInternals(RawHttp.Response response) {
        assertThat(response.body()).doesNotContain("Tomcat", "Exception", "java.", "org.apache", "<pre>");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    }

    /** A request with exactly this request line (bytes as given, ISO-8859-1). */
    private RawHttp.Response raw(String requestLine, Map<String, String> headers) throws Exception {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return RawHttp.send(port, head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
