package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.realtimeblog.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Errors raised outside Spring MVC, over real HTTP, still answer with problem bodies. */
@IntegrationTest
class ContainerErrorTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

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

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
