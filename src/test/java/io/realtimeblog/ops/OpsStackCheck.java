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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the operations stack of compose.yaml (Prometheus, Grafana, Kafka UI) against the repository's files and
 * the other services: only the {@code ops} profile starts it, every image is pinned to a version, every file it
 * mounts exists, Grafana's provisioned data source is the Prometheus service and its dashboard provider reads the
 * mounted dashboards, Prometheus loads the mounted rule file, Kafka UI knows every broker, and the UIs are published
 * on loopback only, on the port their health checks call. Returns the problems found.
 */
final class OpsStackCheck {

    static final String PROFILE = "ops";
    private static final Pattern VERSION_TAG = Pattern.compile("v?\\d+\\.\\d+.*");
    private static final Pattern LOCAL_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final ComposeFile compose;
    private final Map<String, String> overrides;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param overrides repository files (by path from the repository root, the working directory) to read as given
     *                  instead of from the disk; a null value stands for a missing file
     */
    OpsStackCheck(ComposeFile compose, Map<String, String> overrides) {
        this.compose = compose;
        this.overrides = overrides;
    }

    List<String> problems() {
        String prometheus = one("prom/prometheus");
        String grafana = one("grafana/grafana");
        String kafkaUi = one("kafbat/kafka-ui");
        for (String service : compose.services()) {
            checkImage(service);
            checkMounts(service);
            boolean ops = service.equals(prometheus) || service.equals(grafana) || service.equals(kafkaUi);
            if (ops != compose.profiles(service).contains(PROFILE) || !ops && !compose.profiles(service).isEmpty()) {
                problems.add(service + ": profiles " + compose.profiles(service) + "; only the operations stack belongs to "
                        + "the '" + PROFILE + "' profile and everything else starts by default");
            }
            if (ops) {
                checkLoopbackUi(service);
            }
        }
        if (prometheus != null) {
            checkRuleFiles(prometheus);
        }
        if (grafana != null && prometheus != null) {
            new GrafanaProvisioningCheck(compose, grafana, prometheus, this::read, problems).check();
        }
        if (kafkaUi != null) {
            checkKafkaUi(kafkaUi);
        }
        return problems;
    }

    private String one(String image) {
        Set<String> services = compose.withImage(image + ":");
        if (services.size() != 1) {
            problems.add("compose: expected one " + image + " service, found " + services);
            return null;
        }
        return services.iterator().next();
    }

    private void checkImage(String service) {
        Object image = compose.service(service).get("image");
        if (image == null || compose.service(service).containsKey("build")) {
            return;
        }
        String tag = String.valueOf(image).contains(":") ? String.valueOf(image).replaceAll(".*:", "") : "";
        if (!VERSION_TAG.matcher(tag).matches()) {
            problems.add(service + ": image " + image + " is not pinned to a version");
        }
    }

    private void checkMounts(String service) {
        compose.bindMounts(service).forEach((source, target) -> {
            if (read(source) == null && !Files.isDirectory(Path.of(source))) {
                problems.add(service + ": mounts " + source + " at " + target + ", which is not in the repository");
            }
        });
    }

    /** A UI without its own login (Kafka UI) or with the scrape targets (Prometheus) stays on this machine. */
    private void checkLoopbackUi(String service) {
        Matcher health = LOCAL_URL.matcher(String.valueOf(compose.healthCheck(service)));
        String healthPort = health.find() ? health.group(1) : "none";
        for (Object port : (List<?>) compose.service(service).getOrDefault("ports", List.of())) {
            String mapping = String.valueOf(port);
            if (!mapping.startsWith("127.0.0.1:")) {
                problems.add(service + ": publishes " + mapping + " on every interface; bind it to 127.0.0.1");
            }
            if (!mapping.endsWith(":" + healthPort)) {
                problems.add(service + ": publishes " + mapping + " but its health check calls port " + healthPort);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkRuleFiles(String prometheus) {
        Map<String, String> mounts = compose.bindMounts(prometheus);
        String config = mounts.entrySet().stream().filter(m -> m.getValue().equals("/etc/prometheus/prometheus.yml"))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (config == null || read(config) == null) {
            problems.add(prometheus + ": no configuration mounted at /etc/prometheus/prometheus.yml");
            return;
        }
        Map<String, Object> yaml = new Yaml().load(read(config));
        List<String> ruleFiles = (List<String>) yaml.getOrDefault("rule_files", List.of());
        if (ruleFiles.isEmpty()) {
            problems.add(prometheus + ": " + config + " loads no alert rules");
        }
        for (String ruleFile : ruleFiles) {
            String target = ruleFile.startsWith("/") ? ruleFile : "/etc/prometheus/" + ruleFile;
            String source = mounts.entrySet().stream().filter(m -> m.getValue().equals(target)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (source == null || !source.equals(Path.of(config).resolveSibling(ruleFile).normalize().toString())) {
                problems.add(prometheus + ": rule file " + ruleFile + " is " + target + " in the container, but "
                        + "compose mounts " + source + " there (the repository has it beside " + config + ")");
            }
        }
    }

    private void checkKafkaUi(String kafkaUi) {
        Map<String, String> env = compose.environment(kafkaUi);
        Set<String> expected = new TreeSet<>();
        for (String kafka : compose.withImage("apache/kafka")) {
            String advertised = DeploymentCheck.listenerPort(compose.environment(kafka).get("KAFKA_ADVERTISED_LISTENERS"),
                    "PLAINTEXT");
            expected.add(kafka + ":" + advertised);
        }
        Set<String> configured = new TreeSet<>(List.of(env.getOrDefault("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "").split(",")));
        if (!configured.equals(expected)) {
            problems.add(kafkaUi + ": bootstrap servers " + configured + ", the brokers listen on " + expected);
        }
        if (!compose.dependsOnHealthy(kafkaUi).containsAll(compose.withImage("apache/kafka"))) {
            problems.add(kafkaUi + ": does not wait for every broker to be healthy");
        }
        if (!"true".equals(env.get("KAFKA_CLUSTERS_0_READONLY"))) {
            problems.add(kafkaUi + ": not read-only; anyone on this machine could delete the topic or produce to it");
        }
    }

    /** The repository file's content, or null when it does not exist. */
    String read(String path) {
        String relative = Path.of(path).normalize().toString();
        if (overrides.containsKey(relative)) {
            return overrides.get(relative);
        }
        Path file = Path.of(relative);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
