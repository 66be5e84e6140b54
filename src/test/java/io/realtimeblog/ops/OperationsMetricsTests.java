package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.realtime.TestSocket;
import io.realtimeblog.users.Role;

/**
 * Every metric the Grafana dashboard and the Prometheus alert rules query is one the running application exposes:
 * after a few writes over real HTTP and a socket that joined, each name is a series of {@code /actuator/prometheus}.
 * A dashboard panel on a misspelled or missing metric would otherwise stay empty without anyone noticing.
 */
@IntegrationTest
class OperationsMetricsTests extends AbstractIntegrationTest {

    /** Series Prometheus makes itself for every target; no application exposes them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void everyMetricOfTheDashboardAndTheAlertRulesIsInTheScrape() throws Exception {
        Staff editor = accounts.create(Role.EDITOR);
        TestSocket socket = sockets.joined(editor.token());
        for (int i = 0; i < 3; i++) {
            assertThat(createPost(editor.token(), "Dashboard " + i).statusCode()).isEqualTo(201);
        }
        // A young JVM may not have collected yet, and the GC pause timer has no series before the first pause.
        System.gc();
        Actuator actuator = new Actuator(port, accounts.adminToken());
        Awaitility.await().until(() -> Actuator.value(actuator.scrape(), "blog_realtime_delivered_total",
                "audience=\"staff\"") >= 3);

        Set<String> names = OperationsFiles.metricNames();
        String scrape = actuator.scrape();

        assertThat(names).as("names found in the dashboard and the rules").hasSizeGreaterThan(15)
                .contains("blog_outbox_backlog_age_seconds", "blog_realtime_stream_lag", "http_server_requests_seconds_bucket");
        assertThat(names).filteredOn(name -> !PROMETHEUS_OWN.contains(name))
                .allSatisfy(name -> assertThat(Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find())
                        .as("%s in /actuator/prometheus", name).isTrue());
        socket.close();
    }

    private HttpResponse<String> createPost(String token, String title) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        java.util.Map.of("title", title, "body", "Body of " + title))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
