package io.realtimeblog.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every configuration key the application has, and which environment variable names reach them under Spring's
 * relaxed binding: upper case, {@code .} → {@code _}, {@code -} removed ({@code blog.kafka.topic.replication-factor}
 * ← {@code BLOG_KAFKA_TOPIC_REPLICATIONFACTOR}) or, the legacy form, {@code -} → {@code _}. The keys come from the
 * configuration metadata on the classpath (the application's own, written by spring-boot-configuration-processor,
 * and Spring Boot's), the keys of {@code application.yml}, and the variables {@code application.yml} reads itself
 * ({@code ${PORT:8080}}).
 */
final class ConfigurationKeys {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Map<String, String> propertyByVariable = new HashMap<>();
    private final Map<String, String> mapPropertyByPrefix = new HashMap<>();
    private final Set<String> variablesReadByApplicationYml;

    private ConfigurationKeys(Map<String, String> typeByProperty, Set<String> variablesReadByApplicationYml) {
        typeByProperty.forEach((property, type) -> {
            for (String variable : variables(property)) {
                propertyByVariable.put(variable, property);
                if (type != null && type.startsWith("java.util.Map")) {
                    mapPropertyByPrefix.put(variable + "_", property);
                }
            }
        });
        this.variablesReadByApplicationYml = Set.copyOf(variablesReadByApplicationYml);
    }

    /** Keys given directly (for tests of this class). */
    static ConfigurationKeys of(Map<String, String> typeByProperty, Set<String> variablesReadByApplicationYml) {
        return new ConfigurationKeys(typeByProperty, variablesReadByApplicationYml);
    }

    /** The application's keys, from the classpath and its application.yml. */
    static ConfigurationKeys ofApplication() {
        Map<String, String> typeByProperty = new HashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(ConfigurationKeys.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        typeByProperty.put(property.path("name").asString(),
                                property.path("type").isMissingNode() ? null : property.path("type").asString());
                    }
                }
            }
            String applicationYml;
            try (InputStream in = ConfigurationKeys.class.getResourceAsStream("/application.yml")) {
                applicationYml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            flatten("", new Yaml().load(applicationYml), typeByProperty);
            Set<String> placeholders = new HashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(applicationYml);
            while (matcher.find()) {
                placeholders.add(matcher.group(1));
            }
            return new ConfigurationKeys(typeByProperty, placeholders);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The property an environment variable sets, or empty when it sets none. */
    Optional<String> propertyOf(String variable) {
        if (variablesReadByApplicationYml.contains(variable)) {
            return Optional.of("${" + variable + "} in application.yml");
        }
        String property = propertyByVariable.get(variable);
        if (property != null) {
            return Optional.of(property);
        }
        return mapPropertyByPrefix.entrySet().stream().filter(e -> variable.startsWith(e.getKey()))
                .map(e -> e.getValue() + "." + variable.substring(e.getKey().length()).toLowerCase(Locale.ROOT))
                .findFirst();
    }

    private static Set<String> variables(String property) {
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        return new HashSet<>(java.util.List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else {
            into.putIfAbsent(prefix, null);
        }
    }
}
