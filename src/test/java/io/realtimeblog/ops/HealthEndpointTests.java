package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.kafka.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;

/**
 * The liveness, readiness and pipeline health groups over real HTTP, also while Kafka is down: the status for
 * anyone, the components and their details for an ADMIN token.
 */
@IntegrationTest
class HealthEndpointTests extends AbstractIntegrationTest {

    @Autowired
    EmbeddedKafkaBroker broker;

    Actuator actuator;
    Actuator anonymous;

    @BeforeEach
    void setUp() {
        actuator = new Actuator(port, accounts.adminToken());
        anonymous = new Actuator(port);
    }

    @Test
    void anonymousCallersGetTheStatusOfEveryGroupAndNothingElse() {
        await("pipeline", "UP");
        for (String path : new String[] {"health", "health/liveness", "health/readiness", "health/pipeline"}) {
            HttpResponse<String> response = anonymous.get(path);
            JsonNode health = json.readTree(response.body());

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(health.get("status").asString()).as(path).isEqualTo("UP");
            assertThat(health.has("components")).as(path).isFalse();
            assertThat(health.has("details")).as(path).isFalse();
            assertThat(response.body()).as(path).doesNotContain("blog-events", "H2", "127.0.0.1", "backlog");
        }
    }

    @Test
    void theProbesAreAlsoOnTheMainPortsOwnPathsWithTheStatusOnly() {
        for (String path : new String[] {"/livez", "/readyz"}) {
            HttpResponse<String> response = Actuator.getPath(port, path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json.readTree(response.body()).propertyNames()).as(path).containsExactly("status");
        }
    }

    @Test
    void anAdminTokenShowsTheComponentsOfTheWholeHealth() {
        JsonNode health = json.readTree(actuator.get("health").body());

        assertThat(health.get("components").propertyNames()).contains("db", "kafka", "outbox", "livenessState");
        assertThat(health.get("components").get("db").get("details").has("database")).isTrue();
    }

    @Test
    void livenessIsUpAndChecksOnlyTheProcessItself() {
        HttpResponse<String> response = actuator.get("health/liveness");
        JsonNode health = json.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").propertyNames()).containsExactlyInAnyOrder("livenessState", "ping");
    }

    @Test
    void readinessChecksTheDatabaseAndThePipelineGroupChecksKafkaAndTheOutbox() {
        JsonNode readiness = await("readiness", "UP");
        assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db");

        JsonNode health = await("pipeline", "UP");
        assertThat(health.get("components").propertyNames()).containsExactlyInAnyOrder("kafka", "outbox");
        for (String component : new String[] {"kafka", "outbox"}) {
            assertThat(status(health, component)).as(component).isEqualTo("UP");
        }
        JsonNode kafka = health.get("components").get("kafka").get("details");
        assertThat(kafka.get("topic").asString()).isEqualTo("blog-events");
        assertThat(kafka.get("topicExists").asBoolean()).isTrue();
        assertThat(kafka.get("partitions").asInt()).isEqualTo(1);
        assertThat(kafka.get("brokers").asInt()).isEqualTo(1);
        JsonNode outbox = health.get("components").get("outbox").get("details");
        assertThat(outbox.has("backlog")).isTrue();
        assertThat(outbox.has("oldestAgeSeconds")).isTrue();
    }

    @Test
    void kafkaIsDownWhileTheBrokerIsStoppedYetTheInstanceStaysReady() {
        await("pipeline", "UP");
        broker.stop();
        try {
            HttpResponse<String> response = actuator.get("health/pipeline");
            JsonNode health = json.readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(status(health, "kafka")).isEqualTo("DOWN");
            assertThat(health.get("components").get("kafka").get("details").get("error").asString())
                    .contains("Kafka did not answer");
            assertThat(actuator.get("health/readiness").statusCode()).isEqualTo(200);
            assertThat(actuator.get("health/liveness").statusCode()).isEqualTo(200);
        } finally {
            broker.start();
        }
        JsonNode health = await("pipeline", "UP");
        assertThat(status(health, "kafka")).isEqualTo("UP");
    }

    private JsonNode await(String group, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(actuator.get("health/" + group).body()),
                        health -> status.equals(health.get("status").asString()));
    }

    private static String status(JsonNode health, String component) {
        return health.get("components").get(component).get("status").asString();
    }
}
