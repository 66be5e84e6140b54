package io.realtimeblog.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/status}: typed figures for every staff role, nothing for anonymous callers. */
@IntegrationTest
class StatusApiTests extends AbstractIntegrationTest {

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(get("/api/status"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.database").doesNotExist());
    }

    @Test
    void aContributorSeesEveryPartUpWithItsFiguresAndNoAddresses() throws Exception {
        JsonNode status = awaitStatus(TestAccounts.bearer(accounts.tokenFor(Role.CONTRIBUTOR)), s -> "UP".equals(
                s.get("status").asString()));

        assertThat(status.get("database").get("status").asString()).isEqualTo("UP");
        assertThat(status.get("database").get("product").asString()).isNotBlank();
        JsonNode kafka = status.get("kafka");
        assertThat(kafka.get("status").asString()).isEqualTo("UP");
        assertThat(kafka.get("brokers").asInt()).isEqualTo(1);
        assertThat(kafka.get("topic").asString()).isEqualTo("blog-events");
        assertThat(kafka.get("partitions").asInt()).isEqualTo(1);
        assertThat(status.get("outbox").get("backlog").isNumber()).isTrue();
        assertThat(status.get("outbox").get("oldestAgeSeconds").isNumber()).isTrue();
        JsonNode realtime = status.get("realtime");
        assertThat(realtime.get("sessions").propertyNames()).containsExactlyInAnyOrder("staff", "public");
        assertThat(realtime.get("delivered").propertyNames()).containsExactlyInAnyOrder("staff", "public");
        assertThat(realtime.get("resumes").propertyNames())
                .containsExactlyInAnyOrder("none", "memory", "kafka", "resync");
        assertThat(realtime.get("slowCloses").isNumber()).isTrue();
        assertThat(status.toString()).doesNotContain("127.0.0.1", "bootstrapServers", "clusterId", "jdbc:");
    }

    @Test
    void aWriteMovesTheStreamPositionAndThePublishedCount() throws Exception {
        String editor = TestAccounts.bearer(accounts.tokenFor(Role.EDITOR));
        JsonNode before = awaitStatus(editor, s -> true);

        mvc.perform(post("/api/posts").header(HttpHeaders.AUTHORIZATION, editor)
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Counted on the status page\"}"))
                .andExpect(status().isCreated());

        awaitStatus(editor, s -> s.get("realtime").get("streamPosition").asLong()
                > before.get("realtime").get("streamPosition").asLong()
                && s.get("outbox").get("published").asLong() > before.get("outbox").get("published").asLong());
    }

    private JsonNode awaitStatus(String bearer, java.util.function.Predicate<JsonNode> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(mvc
                .perform(get("/api/status").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()), until);
    }
}
