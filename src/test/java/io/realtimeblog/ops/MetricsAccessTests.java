package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.users.Role;

/** {@code /actuator/prometheus} on the main port: for ADMIN tokens only, refused as problem+json otherwise. */
@IntegrationTest
class MetricsAccessTests extends AbstractIntegrationTest {

    @Test
    void anonymousCallersGetUnauthorizedAndNoMetrics() {
        HttpResponse<String> response = new Actuator(port).get("prometheus");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(response.body()).doesNotContain("blog_", "jvm_");
    }

    @Test
    void staffBelowAdminAreForbidden() {
        for (Role role : new Role[] {Role.EDITOR, Role.AUTHOR, Role.CONTRIBUTOR}) {
            HttpResponse<String> response = new Actuator(port, accounts.tokenFor(role)).get("prometheus");

            assertThat(response.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/forbidden");
        }
    }

    @Test
    void anEditorsTokenShowsNoHealthDetails() {
        HttpResponse<String> response = new Actuator(port, accounts.tokenFor(Role.EDITOR)).get("health");

        assertThat(json.readTree(response.body()).has("components")).isFalse();
    }

    @Test
    void anAdminTokenGetsTheScrape() {
        String scrape = new Actuator(port, accounts.adminToken()).scrape();

        assertThat(scrape).contains("blog_realtime_sessions{audience=\"staff\"}", "blog_realtime_stream_position ",
                "blog_outbox_backlog ");
    }
}
