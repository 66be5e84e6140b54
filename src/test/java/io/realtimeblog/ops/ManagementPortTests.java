package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code management.server.port} set, the actuator lives on that port only, where every caller sees health
 * details and metrics without a token (an internal network, the Prometheus server); the main port keeps the
 * probes ({@code /livez}, {@code /readyz}) with the status only. A context of its own (its own in-memory H2), so
 * it runs on H2 only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "spring.datasource.url=jdbc:h2:mem:management-port;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
class ManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JsonMapper json;

    @Test
    void onTheManagementPortHealthShowsItsComponentsAndDetailsWithoutAToken() {
        Actuator management = new Actuator(managementPort);
        JsonNode health = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(management.get("health").body()),
                        h -> "UP".equals(h.get("status").asString()));

        assertThat(health.get("components").propertyNames()).contains("db", "kafka", "outbox");
        assertThat(health.get("components").get("kafka").get("details").get("topic").asString())
                .isEqualTo("blog-events");
        assertThat(json.readTree(management.get("health/pipeline").body()).get("components").propertyNames())
                .containsExactlyInAnyOrder("kafka", "outbox");
    }

    @Test
    void onTheManagementPortPrometheusScrapesWithoutAToken() {
        assertThat(new Actuator(managementPort).scrape()).contains("blog_realtime_sessions{audience=\"public\"}",
                "blog_outbox_backlog ");
    }

    @Test
    void theMainPortServesTheProbesWithTheStatusOnlyAndNoActuator() {
        for (String path : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> probe = Actuator.getPath(port, path);
            assertThat(probe.statusCode()).as(path).isEqualTo(200);
            assertThat(json.readTree(probe.body()).propertyNames()).as(path).containsExactly("status");
        }
        HttpResponse<String> prometheus = new Actuator(port).get("prometheus");
        assertThat(prometheus.statusCode()).isIn(401, 404);
        assertThat(prometheus.body()).doesNotContain("blog_");
    }
}
