package io.realtimeblog.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

/**
 * Grafana's provisioning as compose mounts it: the data sources point at the Prometheus service on its port, every
 * dashboard provider reads a mounted folder of the repository, every dashboard there uses only provisioned data
 * sources, the home dashboard is one of them, and the admin password comes from the environment.
 */
final class GrafanaProvisioningCheck {

    private static final String PROVISIONING = "/etc/grafana/provisioning";

    private final ComposeFile compose;
    private final String grafana;
    private final String prometheus;
    private final Function<String, String> files;
    private final List<String> problems;
    private final Map<String, String> mounts;

    GrafanaProvisioningCheck(ComposeFile compose, String grafana, String prometheus, Function<String, String> files,
            List<String> problems) {
        this.compose = compose;
        this.grafana = grafana;
        this.prometheus = prometheus;
        this.files = files;
        this.problems = problems;
        this.mounts = compose.bindMounts(grafana);
    }

    void check() {
        String provisioning = sourceOf(PROVISIONING);
        if (provisioning == null) {
            problems.add(grafana + ": nothing of the repository mounted at " + PROVISIONING);
            return;
        }
        Set<String> uids = checkDataSources(provisioning + "/datasources");
        checkDashboardProviders(provisioning + "/dashboards", uids);
        String home = compose.environment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        if (home != null && files.apply(repositoryPath(home)) == null) {
            problems.add(grafana + ": home dashboard " + home + " is no mounted file of the repository");
        }
        if (!String.valueOf(compose.environment(grafana).get("GF_SECURITY_ADMIN_PASSWORD")).startsWith("${")) {
            problems.add(grafana + ": GF_SECURITY_ADMIN_PASSWORD is written in compose.yaml instead of coming from .env");
        }
    }

    @SuppressWarnings("unchecked")
    private Set<String> checkDataSources(String folder) {
        Set<String> uids = new TreeSet<>();
        String expected = "http://" + prometheus + ":" + compose.containerPorts(prometheus).get(0);
        for (String file : yamlFiles(folder)) {
            Map<String, Object> yaml = new Yaml().load(files.apply(file));
            for (Map<String, Object> source : (List<Map<String, Object>>) yaml.getOrDefault("datasources", List.of())) {
                uids.add(String.valueOf(source.get("uid")));
                if ("prometheus".equals(source.get("type")) && !expected.equals(source.get("url"))) {
                    problems.add(grafana + ": data source " + source.get("name") + " at " + source.get("url")
                            + ", Prometheus is " + expected);
                }
            }
        }
        if (uids.isEmpty()) {
            problems.add(grafana + ": no data source provisioned in " + folder);
        }
        return uids;
    }

    @SuppressWarnings("unchecked")
    private void checkDashboardProviders(String folder, Set<String> uids) {
        int dashboards = 0;
        for (String file : yamlFiles(folder)) {
            Map<String, Object> yaml = new Yaml().load(files.apply(file));
            for (Map<String, Object> provider : (List<Map<String, Object>>) yaml.getOrDefault("providers", List.of())) {
                String path = String.valueOf(((Map<String, Object>) provider.getOrDefault("options", Map.of())).get("path"));
                String source = sourceOf(path);
                if (source == null) {
                    problems.add(grafana + ": dashboard provider " + provider.get("name") + " reads " + path
                            + ", where nothing of the repository is mounted");
                    continue;
                }
                for (String dashboard : list(source, ".json").stream().filter(f -> files.apply(f) != null).toList()) {
                    dashboards++;
                    Set<String> used = new TreeSet<>();
                    collectDataSourceUids(OpsStackCheck.json(files.apply(dashboard)), used);
                    used.removeAll(uids);
                    if (!used.isEmpty()) {
                        problems.add(grafana + ": " + dashboard + " uses data sources " + used + ", provisioned are " + uids);
                    }
                }
            }
        }
        if (dashboards == 0) {
            problems.add(grafana + ": no dashboard provisioned through " + folder);
        }
    }

    private static void collectDataSourceUids(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode datasource = node.get("datasource");
            if (datasource != null && datasource.has("uid")) {
                into.add(datasource.get("uid").asString());
            }
            node.properties().forEach(field -> collectDataSourceUids(field.getValue(), into));
        } else if (node.isArray()) {
            node.forEach(element -> collectDataSourceUids(element, into));
        }
    }

    /** The repository folder mounted at {@code target}, or null. */
    private String sourceOf(String target) {
        return mounts.entrySet().stream().filter(m -> m.getValue().equals(target)).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** A container path below a bind mount → the repository path. */
    private String repositoryPath(String containerPath) {
        return mounts.entrySet().stream().filter(m -> containerPath.startsWith(m.getValue() + "/"))
                .map(m -> m.getKey() + containerPath.substring(m.getValue().length())).findFirst().orElse(containerPath);
    }

    private List<String> yamlFiles(String folder) {
        return Stream.concat(list(folder, ".yml").stream(), list(folder, ".yaml").stream())
                .filter(file -> files.apply(file) != null).toList();
    }

    private static List<String> list(String folder, String extension) {
        Path directory = Path.of(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(Path::toString).filter(name -> name.endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
