package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus files parse and mean what they say, checked by Prometheus's {@code promtool}: the configuration
 * and its rule file load, the alert rules' unit tests (deploy/prometheus/alerts-test.yml) pass, every dashboard
 * query is valid PromQL, and every alert has a runbook entry in docs/operations.md.
 */
class AlertRulesTests {

    @TempDir
    Path temp;

    @Test
    void theConfigurationAndItsAlertRulesLoad() {
        Promtool.Result result = Promtool.run("check", "config", "deploy/prometheus/prometheus.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("1 rule files found", "rules found");
    }

    @Test
    void eachAlertFiresOnTheSeriesThatShouldRaiseItAndNotOnHealthyOnes() {
        Promtool.Result result = Promtool.run("test", "rules", "deploy/prometheus/alerts-test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void aRuleWithBrokenPromQlIsRefused() throws IOException {
        Path broken = Files.writeString(temp.resolve("broken.yml"), OperationsFiles.read(OperationsFiles.ALERTS)
                .replace("max(blog_outbox_backlog_age_seconds) > 30", "max(blog_outbox_backlog_age_seconds > 30"));

        Promtool.Result result = Promtool.run("check", "rules", broken.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("parse error");
    }

    /** Each query becomes a recording rule, so promtool parses it; Grafana's $__rate_interval becomes a duration. */
    @Test
    void everyDashboardQueryIsValidPromQl() throws IOException {
        List<String> queries = OperationsFiles.dashboardQueries();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i).replace("$__rate_interval", "1m");
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: ")
                    .append(new Yaml().dump(query).strip().replace("\n", "\n          ")).append('\n');
        }
        Path file = Files.writeString(temp.resolve("dashboard-queries.yml"), rules);

        Promtool.Result result = Promtool.run("check", "rules", file.toString());

        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + queries.size() + " rules found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasARunbookEntryInTheOperationsGuide() throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md"));
        Map<String, Object> file = new Yaml().load(OperationsFiles.read(OperationsFiles.ALERTS));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) ((List<Map<String, Object>>) file.get("groups"))
                .get(0).get("rules");

        assertThat(rules).extracting(rule -> rule.get("alert")).contains("BlogOutboxStuck", "BlogConsumerBehind",
                "BlogInstanceDown", "BlogSlowClients");
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            String runbook = String.valueOf(((Map<String, Object>) rule.get("annotations")).get("runbook"));
            assertThat(runbook).as(alert).isEqualTo("docs/operations.md#" + alert.toLowerCase());
            Matcher heading = Pattern.compile("(?m)^#### " + alert + "$").matcher(guide);
            assertThat(heading.find()).as("a \"#### %s\" runbook heading in docs/operations.md", alert).isTrue();
        }
    }
}
