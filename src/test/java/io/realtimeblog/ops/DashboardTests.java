package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The provisioned Grafana dashboard has a panel for everything the operations issue lists, and every panel says in
 * its description what a healthy value looks like (the metrics themselves: {@code OperationsMetricsTests}).
 */
class DashboardTests {

    private final JsonNode dashboard = OpsStackCheck.json(OperationsFiles.read(OperationsFiles.DASHBOARD));

    @Test
    void thereIsAPanelForEveryFigureAnOperatorAsksFor() {
        assertThat(panels()).extracting(panel -> panel.get("title").asString()).containsExactlyInAnyOrder(
                "Instances up", "REST requests/s", "REST errors", "REST latency",
                "Outbox waiting rows", "Outbox oldest row age", "Relay publishes and failures", "Commit to Kafka latency",
                "Consumer behind the topic end", "Open sockets by audience", "Deliveries/s", "Closes by code",
                "Slow-client closes", "Resumes and resyncs", "Heap used", "GC pause time", "CPU");
        assertThat(dashboard.get("uid").asString()).isEqualTo("realtime-blog");
    }

    @Test
    void everyPanelSaysWhatHealthyLooksLikeAndQueriesSomething() {
        assertThat(panels()).allSatisfy(panel -> {
            String title = panel.get("title").asString();
            assertThat(panel.path("description").asString()).as(title).contains("Healthy");
            assertThat(panel.path("targets").size()).as(title).isPositive();
            panel.get("targets").forEach(target -> assertThat(target.path("expr").asString()).as(title).isNotBlank());
        });
    }

    @Test
    void panelsDoNotOverlap() {
        List<JsonNode> all = new ArrayList<>();
        dashboard.get("panels").forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(overlap(all.get(i).get("gridPos"), all.get(j).get("gridPos")))
                        .as("%s and %s", all.get(i).get("title"), all.get(j).get("title")).isFalse();
            }
        }
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (!"row".equals(panel.get("type").asString())) {
                panels.add(panel);
            }
        });
        return panels;
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.get("x").asInt() < b.get("x").asInt() + b.get("w").asInt()
                && b.get("x").asInt() < a.get("x").asInt() + a.get("w").asInt()
                && a.get("y").asInt() < b.get("y").asInt() + b.get("h").asInt()
                && b.get("y").asInt() < a.get("y").asInt() + a.get("h").asInt();
    }
}
