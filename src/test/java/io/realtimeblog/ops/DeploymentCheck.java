package io.realtimeblog.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the deployment files against the application and each other, as far as can be done without a Docker
 * engine: every variable set on an app service is a configuration key, every port and health check matches what
 * the target listens on and serves, the load balancer is not sticky, and Prometheus scrapes every app on its
 * management port, which nothing publishes. Returns the problems found.
 */
final class DeploymentCheck {

    private static final Pattern HEALTH_URL = Pattern.compile(
            "https?://[^/\\s\"]+?:(\\$\\{PORT}|\\d+)(/actuator/health(?:/([\\w-]+))?|/livez\\b|/readyz\\b)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:(mysql|mariadb)://([^:/]+):(\\d+)/(\\w+)");
    private static final Pattern LISTENER = Pattern.compile("(\\w+)://[^:,]*:(\\d+)");

    private final ComposeFile compose;
    private final String haproxy;
    private final String dockerfile;
    private final Map<String, Object> prometheus;
    private final ConfigurationKeys keys;
    private final Set<String> healthGroups;
    private final List<String> problems = new ArrayList<>();

    DeploymentCheck(ComposeFile compose, String haproxy, String dockerfile, String prometheus, ConfigurationKeys keys,
            Set<String> healthGroups) {
        this.compose = compose;
        this.haproxy = haproxy;
        this.dockerfile = dockerfile;
        this.prometheus = new org.yaml.snakeyaml.Yaml().load(prometheus);
        this.keys = keys;
        this.healthGroups = healthGroups;
    }

    List<String> problems() {
        if (compose.apps().size() < 2) {
            problems.add("compose: expected at least two app services built from the Dockerfile");
        }
        for (String service : compose.services()) {
            if (compose.healthCheck(service) == null) {
                problems.add(service + ": no health check");
            }
        }
        compose.apps().forEach(this::checkApp);
        compose.withImage("apache/kafka").forEach(this::checkKafka);
        checkLoadBalancer();
        checkDockerfile();
        checkPrometheus();
        return problems;
    }

    private void checkApp(String app) {
        Map<String, String> env = compose.environment(app);
        env.keySet().stream().filter(variable -> keys.propertyOf(variable).isEmpty())
                .forEach(variable -> problems.add(app + ": " + variable + " is not a configuration key of the application"));
        int port = Integer.parseInt(env.getOrDefault("PORT", "8080"));
        String management = env.get("MANAGEMENT_SERVER_PORT");
        compose.containerPorts(app).stream().filter(p -> p != port && !String.valueOf(p).equals(management))
                .forEach(p -> problems.add(app + ": port " + p + " but the app listens on PORT " + port));
        if (management != null && publishedPorts(app).contains(management)) {
            problems.add(app + ": publishes its management port " + management + " (health details and metrics "
                    + "without a token); keep it inside the network");
        }
        checkHealthUrl(app, compose.healthCheck(app), String.valueOf(port), management);
        Set<String> healthy = compose.dependsOnHealthy(app);
        checkDatabase(app, env.get("SPRING_DATASOURCE_URL"), env.get("SPRING_DATASOURCE_USERNAME"), healthy);
        checkBootstrapServers(app, env.get("KAFKA_BOOTSTRAP_SERVERS"), healthy);
    }

    /** /livez and /readyz are on the main port; /actuator/health on the management port when there is one. */
    private void checkHealthUrl(String where, String command, String port, String management) {
        Matcher url = command == null ? null : HEALTH_URL.matcher(command);
        if (url == null || !url.find()) {
            problems.add(where + ": health check calls no health URL (/livez, /readyz, /actuator/health)");
            return;
        }
        boolean actuator = url.group(2).startsWith("/actuator");
        String expected = actuator && management != null ? management : port;
        if (!url.group(1).equals(expected)) {
            problems.add(where + ": health check " + url.group(2) + " on port " + url.group(1) + ", the app serves it on "
                    + expected);
        }
        if (url.group(3) != null && !healthGroups.contains(url.group(3))) {
            problems.add(where + ": health check " + url.group(2) + " is not a health group of the app " + healthGroups);
        }
    }

    private void checkDatabase(String app, String url, String username, Set<String> healthy) {
        Matcher jdbc = url == null ? null : JDBC_URL.matcher(url);
        if (jdbc == null || !jdbc.find()) {
            problems.add(app + ": SPRING_DATASOURCE_URL is not a MySQL/MariaDB URL: " + url);
            return;
        }
        String host = jdbc.group(2);
        if (!compose.withImage("mysql").contains(host)) {
            problems.add(app + ": SPRING_DATASOURCE_URL names " + host + ", which is not a MySQL service");
            return;
        }
        Map<String, String> db = compose.environment(host);
        if (!jdbc.group(3).equals(db.getOrDefault("MYSQL_TCP_PORT", "3306"))) {
            problems.add(app + ": SPRING_DATASOURCE_URL port " + jdbc.group(3) + ", MySQL listens on 3306");
        }
        if (!jdbc.group(4).equals(db.get("MYSQL_DATABASE")) || !String.valueOf(username).equals(db.get("MYSQL_USER"))) {
            problems.add(app + ": database/user " + jdbc.group(4) + "/" + username + " are not the ones " + host + " creates");
        }
        if (!healthy.contains(host)) {
            problems.add(app + ": does not wait for " + host + " to be healthy");
        }
    }

    private void checkBootstrapServers(String app, String servers, Set<String> healthy) {
        if (servers == null) {
            problems.add(app + ": KAFKA_BOOTSTRAP_SERVERS is not set (the app would start its embedded broker)");
            return;
        }
        for (String server : servers.split(",")) {
            String[] hostPort = server.strip().split(":");
            if (!compose.withImage("apache/kafka").contains(hostPort[0])) {
                problems.add(app + ": KAFKA_BOOTSTRAP_SERVERS names " + hostPort[0] + ", which is not a Kafka service");
                continue;
            }
            String advertised = listenerPort(compose.environment(hostPort[0]).get("KAFKA_ADVERTISED_LISTENERS"), "PLAINTEXT");
            if (!hostPort[1].equals(advertised)) {
                problems.add(app + ": " + server + " but " + hostPort[0] + " advertises its clients' listener on " + advertised);
            }
            if (!healthy.contains(hostPort[0])) {
                problems.add(app + ": does not wait for " + hostPort[0] + " to be healthy");
            }
        }
    }

    private void checkKafka(String kafka) {
        Map<String, String> env = compose.environment(kafka);
        String clients = listenerPort(env.get("KAFKA_LISTENERS"), "PLAINTEXT");
        String controller = listenerPort(env.get("KAFKA_LISTENERS"), "CONTROLLER");
        String health = compose.healthCheck(kafka);
        if (health == null || !health.contains("--bootstrap-server localhost:" + clients)) {
            problems.add(kafka + ": health check does not ask the broker on its listener port " + clients);
        }
        for (String voter : env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "").split(",")) {
            Matcher v = Pattern.compile("(\\d+)@([\\w-]+):(\\d+)").matcher(voter.strip());
            if (!v.matches() || !compose.services().contains(v.group(2))
                    || !v.group(1).equals(compose.environment(v.group(2)).get("KAFKA_NODE_ID"))
                    || !v.group(3).equals(controller)) {
                problems.add(kafka + ": quorum voter " + voter + " does not match a node id and controller port");
            }
        }
    }

    private void checkLoadBalancer() {
        Matcher bind = Pattern.compile("(?m)^\\s*bind\\s+[^:\\s]*:(\\d+)").matcher(haproxy);
        String bindPort = bind.find() ? bind.group(1) : "none";
        String lb = compose.services().stream()
                .filter(s -> String.valueOf(compose.service(s).get("volumes")).contains("haproxy.cfg")).findFirst()
                .orElse(null);
        if (lb == null) {
            problems.add("compose: no load balancer service mounts deploy/haproxy.cfg");
            return;
        }
        compose.containerPorts(lb).stream().filter(p -> !String.valueOf(p).equals(bindPort))
                .forEach(p -> problems.add(lb + ": port " + p + " but haproxy binds " + bindPort));
        Matcher monitor = Pattern.compile("monitor-uri\\s+(\\S+)").matcher(haproxy);
        String health = String.valueOf(compose.healthCheck(lb));
        if (!monitor.find() || !health.contains(":" + bindPort + monitor.group(1))) {
            problems.add(lb + ": health check does not call haproxy's monitor-uri on port " + bindPort);
        }
        Matcher check = Pattern.compile("uri\\s+(?:/actuator/health/([\\w-]+)|/(readyz|livez))\\s*$", Pattern.MULTILINE)
                .matcher(haproxy);
        if (!check.find() || (check.group(1) != null && !healthGroups.contains(check.group(1)))) {
            problems.add(lb + ": haproxy's http-check is not a health group of the app " + healthGroups);
        } else if (check.group(1) != null && compose.apps().stream()
                .anyMatch(app -> compose.environment(app).containsKey("MANAGEMENT_SERVER_PORT"))) {
            problems.add(lb + ": haproxy checks /actuator on the main port, but the actuator is on the management port");
        }
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+\\S+\\s+([\\w-]+):(\\d+)").matcher(haproxy);
        Set<String> balanced = new java.util.TreeSet<>();
        while (server.find()) {
            String app = server.group(1);
            balanced.add(app);
            if (!compose.apps().contains(app)) {
                problems.add(lb + ": haproxy server " + app + " is not an app service");
            } else if (!server.group(2).equals(compose.environment(app).getOrDefault("PORT", "8080"))) {
                problems.add(lb + ": haproxy sends to " + app + ":" + server.group(2) + ", the app listens on "
                        + compose.environment(app).getOrDefault("PORT", "8080"));
            }
        }
        if (!balanced.equals(compose.apps())) {
            problems.add(lb + ": haproxy balances " + balanced + ", the app services are " + compose.apps());
        }
        if (Pattern.compile("(?m)^\\s*(cookie|stick|balance\\s+(source|uri|hdr|url_param))").matcher(haproxy).find()) {
            problems.add(lb + ": sticky sessions configured; any instance must serve any client");
        }
        if (!compose.dependsOnHealthy(lb).containsAll(compose.apps())) {
            problems.add(lb + ": does not wait for every app to be healthy");
        }
    }

    private void checkDockerfile() {
        Matcher env = Pattern.compile("(?m)\\bPORT=(\\d+)").matcher(dockerfile);
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)").matcher(dockerfile);
        String port = env.find() ? env.group(1) : "8080";
        if (!expose.find() || !expose.group(1).equals(port)) {
            problems.add("Dockerfile: EXPOSE does not match ENV PORT " + port);
        }
        Matcher healthcheck = Pattern.compile("(?ms)^HEALTHCHECK.*?CMD\\s+(.*?)(?<!\\\\)$").matcher(dockerfile);
        if (!healthcheck.find()) {
            problems.add("Dockerfile: no HEALTHCHECK");
        } else {
            checkHealthUrl("Dockerfile", healthcheck.group(1), "${PORT}", null);
        }
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        if (!user.find() || user.group(1).startsWith("root") || user.group(1).startsWith("0")) {
            problems.add("Dockerfile: the runtime stage does not switch to a non-root USER");
        }
        checkAotCache();
    }

    /**
     * An AOT cache fits one JVM: the image that runs the app must be the one the cache was made in (its last stage,
     * a JDK 25 or newer), and the path the ENTRYPOINT names must be the one its training step writes.
     */
    private void checkAotCache() {
        Matcher cache = Pattern.compile("-XX:AOTCache=([^\"\\s]+)").matcher(dockerfile);
        if (!cache.find()) {
            return;
        }
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM ") + 1).replace("\\\n", " ");
        Matcher from = Pattern.compile("^FROM\\s+\\S+?:(\\d+)").matcher(runtime);
        if (!from.find() || Integer.parseInt(from.group(1)) < 25) {
            problems.add("Dockerfile: the ENTRYPOINT uses an AOT cache, which needs a JDK 25 or newer in the runtime stage");
        }
        if (!Pattern.compile("(?m)^RUN\\s.*aot-cache\\.sh.*\\s" + Pattern.quote(cache.group(1)) + "(\\s|$)").matcher(runtime)
                .find()) {
            problems.add("Dockerfile: the ENTRYPOINT uses the AOT cache " + cache.group(1)
                    + ", which no training step (scripts/aot-cache.sh) of the runtime stage writes");
        }
    }

    @SuppressWarnings("unchecked")
    private void checkPrometheus() {
        String service = compose.services().stream()
                .filter(s -> String.valueOf(compose.service(s).get("volumes")).contains("prometheus.yml")).findFirst()
                .orElse(null);
        if (service == null) {
            problems.add("compose: no Prometheus service mounts deploy/prometheus/prometheus.yml");
            return;
        }
        Set<String> targets = new java.util.TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.getOrDefault("scrape_configs", List.of())) {
            if (!"/actuator/prometheus".equals(job.get("metrics_path"))) {
                problems.add("prometheus: job " + job.get("job_name") + " does not scrape /actuator/prometheus");
            }
            for (Map<String, Object> config : (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
                targets.addAll((List<String>) config.getOrDefault("targets", List.of()));
            }
        }
        Set<String> expected = new java.util.TreeSet<>();
        for (String app : compose.apps()) {
            String management = compose.environment(app).get("MANAGEMENT_SERVER_PORT");
            if (management == null) {
                problems.add(app + ": no MANAGEMENT_SERVER_PORT, so Prometheus would need a token to scrape it");
            } else {
                expected.add(app + ":" + management);
            }
        }
        if (!targets.equals(expected)) {
            problems.add("prometheus: scrapes " + targets + ", the apps' management ports are " + expected);
        }
    }

    /** Host-side ports a service publishes ({@code ports}; {@code expose} stays inside the network) → container ports. */
    private Set<String> publishedPorts(String service) {
        Object ports = compose.service(service).get("ports");
        Set<String> published = new java.util.TreeSet<>();
        if (ports instanceof List<?> list) {
            list.forEach(port -> published.add(String.valueOf(port).replaceAll(".*:", "").replace("/tcp", "")));
        }
        return published;
    }

    static String listenerPort(String listeners, String name) {
        Matcher matcher = LISTENER.matcher(String.valueOf(listeners));
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        return "none";
    }
}
