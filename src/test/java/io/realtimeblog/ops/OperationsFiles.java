package io.realtimeblog.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PromQL of the operations stack's files: the Grafana dashboard's panel queries and the alert rules. */
final class OperationsFiles {

    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/realtime-blog.json");
    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");

    private OperationsFiles() {
    }

    /** Every {@code expr} of every panel of the dashboard, rows' nested panels included. */
    static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        collectExpressions(JsonMapper.shared().readTree(read(DASHBOARD)), queries);
        return queries;
    }

    /** Every rule's {@code expr} in the alert rule file. */
    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() {
        Map<String, Object> rules = new Yaml().load(read(ALERTS));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    /** The metric names the dashboard and the alert rules select. */
    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        dashboardQueries().forEach(query -> names.addAll(PromQlMetricNames.of(query)));
        alertExpressions().forEach(expression -> names.addAll(PromQlMetricNames.of(expression)));
        return names;
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("expr") && field.getValue().isString()) {
                    into.add(field.getValue().asString());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectExpressions(element, into));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
