package io.realtimeblog.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;

/** A compose file as data (SnakeYAML resolves the anchors and {@code <<} merges, as Docker Compose does). */
final class ComposeFile {

    private final Map<String, Map<String, Object>> services;

    @SuppressWarnings("unchecked")
    ComposeFile(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        this.services = (Map<String, Map<String, Object>>) root.get("services");
    }

    Set<String> services() {
        return services.keySet();
    }

    Map<String, Object> service(String name) {
        return services.get(name);
    }

    /** The services built from this repository's Dockerfile: the application's instances. */
    Set<String> apps() {
        return services.entrySet().stream().filter(e -> e.getValue().containsKey("build")).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    Set<String> withImage(String prefix) {
        return services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith(prefix)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** The service's environment, in either of compose's forms (map, or list of NAME=value). */
    Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return result;
    }

    /** Container-side ports of {@code ports} and {@code expose} ("8080", "127.0.0.1:80:8080/tcp" → 8080). */
    List<Integer> containerPorts(String service) {
        Map<String, Object> definition = services.get(service);
        return java.util.stream.Stream.of("ports", "expose")
                .flatMap(key -> ((List<?>) definition.getOrDefault(key, List.of())).stream())
                .map(String::valueOf)
                .map(port -> port.substring(port.lastIndexOf(':') + 1).replace("/tcp", ""))
                .map(Integer::valueOf).toList();
    }

    /** The health check command as one string, or null when the service has none. */
    String healthCheck(String service) {
        Object healthcheck = services.get(service).get("healthcheck");
        if (!(healthcheck instanceof Map<?, ?> map) || map.get("test") == null) {
            return null;
        }
        Object test = map.get("test");
        return test instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test);
    }

    /** The service's {@code profiles} (empty: it starts with a plain {@code docker compose up}). */
    List<String> profiles(String service) {
        Object profiles = services.get(service).get("profiles");
        return profiles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * The service's bind mounts of repository paths ({@code ./deploy/x.yml:/etc/x.yml:ro}), as repository path
     * ({@code deploy/x.yml}) → container path.
     */
    Map<String, String> bindMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : (List<?>) services.get(service).getOrDefault("volumes", List.of())) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[0].startsWith("./")) {
                mounts.put(java.nio.file.Path.of(parts[0]).normalize().toString(), parts[1]);
            }
        }
        return mounts;
    }

    /** depends_on entries with condition service_healthy. */
    Set<String> dependsOnHealthy(String service) {
        Object dependsOn = services.get(service).get("depends_on");
        if (!(dependsOn instanceof Map<?, ?> map)) {
            return Set.of();
        }
        return map.entrySet().stream()
                .filter(e -> e.getValue() instanceof Map<?, ?> m && "service_healthy".equals(m.get("condition")))
                .map(e -> String.valueOf(e.getKey())).collect(Collectors.toSet());
    }
}
