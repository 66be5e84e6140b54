package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.ops.Actuator;
import io.realtimeblog.users.Role;

/** The pipeline's meters as Prometheus scrapes them: a write moves published, latency, delivered and resumes. */
@IntegrationTest
class RealtimeMetricsTests extends AbstractIntegrationTest {

    Actuator actuator;
    @Autowired
    RestPosts posts;

    Staff editor;

    @BeforeEach
    void setUp() {
        actuator = new Actuator(port, accounts.adminToken());
        editor = accounts.create(Role.EDITOR);
    }

    @Test
    void aWriteIsCountedFromCommitToTheStaffSocket() throws Exception {
        TestSocket staff = sockets.open();
        long position = staff.join(editor.token(), null).get("position").asLong();
        String before = actuator.scrape();
        assertThat(Actuator.value(before, "blog_realtime_sessions", "audience=\"staff\"")).isGreaterThanOrEqualTo(1);

        String id = posts.create(editor.token(), "Counted").get("id").asString();
        Awaitility.await().until(() -> staff.events().stream()
                .anyMatch(f -> id.equals(f.get("event").get("postId").asString())));

        awaitGrown(before, "blog_outbox_published_total", null);
        awaitGrown(before, "blog_outbox_commit_to_send_seconds_count", null);
        awaitGrown(before, "blog_realtime_delivered_total", "audience=\"staff\"");
        assertThat(actuator.scrape()).contains("blog_outbox_commit_to_send_seconds_bucket{le=",
                "blog_outbox_backlog ", "blog_outbox_backlog_age_seconds ", "blog_realtime_slow_closes_total ");

        String beforeResume = actuator.scrape();
        TestSocket resumed = sockets.joined(editor.token(), position);
        assertThat(resumed.events()).anyMatch(f -> id.equals(f.get("event").get("postId").asString()));
        awaitGrown(beforeResume, "blog_realtime_resumes_total", "outcome=\"memory\"");
        staff.close();
        resumed.close();
    }

    @Test
    void everyCloseOfTheApplicationIsCountedByItsCode() {
        String before = actuator.scrape();
        assertThat(before).contains("blog_realtime_closes_total{code=\"4008\"}", "blog_realtime_closes_total{code=\"1012\"}");

        assertThat(sockets.open().send("this is not json").awaitClose()).isEqualTo(4009);
        awaitGrown(before, "blog_realtime_closes_total", "code=\"4009\"");
        assertThat(sockets.open().hello("not.a.jwt", null).awaitClose()).isEqualTo(4001);
        awaitGrown(before, "blog_realtime_closes_total", "code=\"4001\"");
    }

    @Test
    void theStreamLagIsZeroOnceTheInstanceHasReadTheTopicToItsEnd() throws Exception {
        TestSocket staff = sockets.joined(editor.token());
        String id = posts.create(editor.token(), "Read to the end").get("id").asString();
        Awaitility.await().until(() -> staff.events().stream()
                .anyMatch(f -> id.equals(f.get("event").get("postId").asString())));

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Actuator.value(actuator.scrape(), "blog_realtime_stream_lag", null), lag -> lag == 0);
        staff.close();
    }

    private void awaitGrown(String before, String name, String labels) {
        double was = Actuator.value(before, name, labels);
        Predicate<Double> grown = now -> now > Math.max(was, 0);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Actuator.value(actuator.scrape(), name, labels), grown::test);
    }
}
