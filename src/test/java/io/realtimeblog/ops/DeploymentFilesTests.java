package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so compose.yaml, deploy/haproxy.cfg, deploy/prometheus/, deploy/grafana/ and the
 * Dockerfile are checked against the application as data: every variable set on an app is one of its configuration
 * keys, every port and health check matches what the target listens on and serves, the load balancer is not sticky,
 * Prometheus scrapes each app on its unpublished management port, and the operations stack (profile {@code ops})
 * is pinned, provisioned from files that exist and wired to the services it watches.
 */
class DeploymentFilesTests {

    private static final ConfigurationKeys KEYS = ConfigurationKeys.ofApplication();

    @Test
    void composeFileLoadBalancerAndDockerfileMatchTheApplication() throws IOException {
        assertThat(check(read("compose.yaml"), read("deploy/haproxy.cfg"), read("Dockerfile"),
                read("deploy/prometheus/prometheus.yml"))).isEmpty();
    }

    @Test
    void composeFileRunsTwoAppsOnAThreeNodeKafkaClusterAndMySqlBehindOneLoadBalancer() throws IOException {
        ComposeFile compose = new ComposeFile(read("compose.yaml"));

        assertThat(compose.apps()).containsExactly("app1", "app2");
        assertThat(compose.withImage("apache/kafka:4.1.")).containsExactly("kafka1", "kafka2", "kafka3");
        assertThat(compose.withImage("mysql:8")).containsExactly("mysql");
        assertThat(compose.environment("app1")).isEqualTo(compose.environment("app2"))
                .containsEntry("BLOG_KAFKA_TOPIC_REPLICATIONFACTOR", "3")
                .containsEntry("BLOG_KAFKA_TOPIC_MININSYNCREPLICAS", "2")
                .containsEntry("MANAGEMENT_SERVER_PORT", "8081");
        assertThat(compose.withImage("prom/prometheus")).containsExactly("prometheus");
    }

    @Test
    void theOperationsStackIsPinnedProvisionedFromTheRepositoryAndWiredToTheServices() throws IOException {
        ComposeFile compose = new ComposeFile(read("compose.yaml"));

        assertThat(new OpsStackCheck(compose, Map.of()).problems()).isEmpty();
        assertThat(compose.services()).filteredOn(service -> compose.profiles(service).contains("ops"))
                .containsExactlyInAnyOrder("prometheus", "grafana", "kafka-ui");
        assertThat(compose.bindMounts("grafana")).containsEntry("deploy/grafana/provisioning", "/etc/grafana/provisioning")
                .containsEntry("deploy/grafana/dashboards", "/etc/grafana/dashboards");
        assertThat(compose.bindMounts("prometheus"))
                .containsEntry("deploy/prometheus/alerts.yml", "/etc/prometheus/alerts.yml");
    }

    @Test
    void anUnpinnedImageAMissingProfileAndMiswiredProvisioningAreEachReported() throws IOException {
        String compose = read("compose.yaml")
                .replace("grafana/grafana:12.3.1", "grafana/grafana:latest")
                .replace("image: kafbat/kafka-ui:v1.5.0\n    profiles: [ops]\n", "image: kafbat/kafka-ui:v1.5.0\n")
                .replace("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka1:9092,kafka2:9092,kafka3:9092",
                        "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: kafka1:9092,kafka2:9092")
                .replace("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml", "./deploy/alerts.yml:/etc/prometheus/alerts.yml");

        assertThat(new OpsStackCheck(new ComposeFile(compose), Map.of()).problems()).containsExactlyInAnyOrder(
                "grafana: image grafana/grafana:latest is not pinned to a version",
                "kafka-ui: profiles []; only the operations stack belongs to the 'ops' profile and everything else starts by default",
                "kafka-ui: bootstrap servers [kafka1:9092, kafka2:9092], the brokers listen on [kafka1:9092, kafka2:9092, kafka3:9092]",
                "prometheus: mounts deploy/alerts.yml at /etc/prometheus/alerts.yml, which is not in the repository",
                "prometheus: rule file alerts.yml is /etc/prometheus/alerts.yml in the container, but compose mounts "
                        + "deploy/alerts.yml there (the repository has it beside deploy/prometheus/prometheus.yml)");
    }

    @Test
    void aUiOnEveryInterfaceAndABrokenGrafanaProvisioningAreEachReported() throws IOException {
        String compose = read("compose.yaml")
                .replace("\"127.0.0.1:${GRAFANA_PORT:-3000}:3000\"", "\"3000:3000\"")
                .replace("GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:-admin}", "GF_SECURITY_ADMIN_PASSWORD: secret");
        Map<String, String> files = new HashMap<>();
        files.put("deploy/grafana/provisioning/datasources/prometheus.yml",
                read("deploy/grafana/provisioning/datasources/prometheus.yml").replace("http://prometheus:9090", "http://localhost:9090"));
        files.put("deploy/grafana/dashboards/realtime-blog.json",
                read("deploy/grafana/dashboards/realtime-blog.json").replaceFirst("\"uid\": \"prometheus\"", "\"uid\": \"mimir\""));

        assertThat(new OpsStackCheck(new ComposeFile(compose), files).problems()).containsExactlyInAnyOrder(
                "grafana: publishes 3000:3000 on every interface; bind it to 127.0.0.1",
                "grafana: GF_SECURITY_ADMIN_PASSWORD is written in compose.yaml instead of coming from .env",
                "grafana: data source Prometheus at http://localhost:9090, Prometheus is http://prometheus:9090",
                "grafana: deploy/grafana/dashboards/realtime-blog.json uses data sources [mimir], provisioned are [prometheus]");
    }

    @Test
    void misspelledVariableWrongPortsAndUnknownHealthGroupAreEachReported() throws IOException {
        String compose = read("compose.yaml")
                .replace("BLOG_KAFKA_TOPIC_REPLICATIONFACTOR:", "BLOG_KAFKA_TOPIC_REPLICATONFACTOR:")
                .replace("kafka1:9092,kafka2:9092", "kafka1:9093,kafka2:9092")
                .replace("/readyz\"]", "/actuator/health/ready\"]");
        String haproxy = read("deploy/haproxy.cfg").replace("server app2 app2:8080", "server app2 app2:8081")
                .replace("balance roundrobin", "balance source");
        String dockerfile = read("Dockerfile").replace("EXPOSE 8080", "EXPOSE 80");

        assertThat(check(compose, haproxy, dockerfile, read("deploy/prometheus/prometheus.yml"))).contains(
                "app1: BLOG_KAFKA_TOPIC_REPLICATONFACTOR is not a configuration key of the application",
                "app1: kafka1:9093 but kafka1 advertises its clients' listener on 9092",
                "app1: health check /actuator/health/ready on port 8080, the app serves it on 8081",
                "app1: health check /actuator/health/ready is not a health group of the app [liveness, pipeline, readiness]",
                "lb: haproxy sends to app2:8081, the app listens on 8080",
                "lb: sticky sessions configured; any instance must serve any client",
                "Dockerfile: EXPOSE does not match ENV PORT 8080");
    }

    @Test
    void anAotCacheOnAnOlderJdkAndACacheNoTrainingStepWritesAreEachReported() throws IOException {
        String dockerfile = read("Dockerfile").replace("FROM eclipse-temurin:25-jre-noble", "FROM eclipse-temurin:17-jre-noble")
                .replace("mv /tmp/aot/app.aot /app/app.aot", "mv /tmp/aot/app.aot /app/cache.aot");

        assertThat(check(read("compose.yaml"), read("deploy/haproxy.cfg"), dockerfile,
                read("deploy/prometheus/prometheus.yml"))).containsExactlyInAnyOrder(
                "Dockerfile: the ENTRYPOINT uses an AOT cache, which needs a JDK 25 or newer in the runtime stage",
                "Dockerfile: the ENTRYPOINT uses the AOT cache /app/app.aot, which no training step "
                        + "(scripts/aot-cache.sh) of the runtime stage writes");
    }

    @Test
    void aPublishedManagementPortAndAPrometheusTargetOnTheWrongPortAreEachReported() throws IOException {
        String compose = read("compose.yaml").replace("\n  app2:\n    <<: *app\n", "\n  app2:\n    <<: *app\n    ports:\n      - \"8081:8081\"\n");
        String prometheus = read("deploy/prometheus/prometheus.yml").replace("\"app2:8081\"", "\"app2:8080\"");
        String haproxy = read("deploy/haproxy.cfg").replace("uri /readyz", "uri /actuator/health/readiness");

        assertThat(check(compose, haproxy, read("Dockerfile"), prometheus)).containsExactlyInAnyOrder(
                "app2: publishes its management port 8081 (health details and metrics without a token); keep it inside the network",
                "prometheus: scrapes [app1:8081, app2:8080], the apps' management ports are [app1:8081, app2:8081]",
                "lb: haproxy checks /actuator on the main port, but the actuator is on the management port");
    }

    private static java.util.List<String> check(String compose, String haproxy, String dockerfile, String prometheus) {
        return new DeploymentCheck(new ComposeFile(compose), haproxy, dockerfile, prometheus, KEYS, healthGroups())
                .problems();
    }

    /** The health groups application.yml defines (liveness and readiness are Boot's probe groups). */
    @SuppressWarnings("unchecked")
    private static Set<String> healthGroups() {
        try (InputStream in = DeploymentFilesTests.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> health = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) yaml
                    .get("management")).get("endpoint")).get("health");
            return new java.util.TreeSet<>(((Map<String, Object>) health.get("group")).keySet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
