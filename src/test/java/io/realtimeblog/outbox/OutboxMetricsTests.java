package io.realtimeblog.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.kafka.EmbeddedKafkaBroker;
import io.realtimeblog.ops.Actuator;
import io.realtimeblog.posts.editing.PostDraft;
import io.realtimeblog.posts.editing.PostService;
import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;

/** The relay's failures as Prometheus scrapes them: rounds that Kafka does not acknowledge are counted. */
@IntegrationTest
class OutboxMetricsTests extends AbstractIntegrationTest {

    @Autowired
    PostService posts;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void relayRoundsThatKafkaDoesNotAcknowledgeAreCountedAndTheBacklogWaits() {
        Actuator actuator = new Actuator(port, accounts.adminToken());
        TestAccounts.Staff staff = accounts.create(Role.EDITOR);
        Actor editor = new Actor(staff.id(), staff.name(), Role.EDITOR);
        double failedBefore = Actuator.value(actuator.scrape(), "blog_outbox_relay_failures_total", null);
        assertThat(failedBefore).isGreaterThanOrEqualTo(0);

        broker.stop();
        try {
            posts.create(editor, new PostDraft("Written while Kafka is down", null, null, "Body", null));

            Awaitility.await().atMost(Duration.ofSeconds(45)).until(
                    () -> Actuator.value(actuator.scrape(), "blog_outbox_relay_failures_total", null),
                    failed -> failed > failedBefore);
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(
                    () -> Actuator.value(actuator.scrape(), "blog_outbox_backlog", null), rows -> rows >= 1);
        } finally {
            broker.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> Actuator.value(actuator.scrape(), "blog_outbox_backlog_age_seconds", null), age -> age == 0);
    }
}
