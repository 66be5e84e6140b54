package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.realtime.session.RealtimeSessions;
import io.realtimeblog.users.Role;

/** A client that stops reading is closed as slow; everyone else keeps receiving everything. */
@IntegrationTest
class SlowClientTests extends AbstractIntegrationTest {

    @Autowired
    RealtimeSessions sessions;

    @Autowired
    MeterRegistry meters;

    @Test
    void aClientThatStopsReadingIsClosedWithTheSlowClientCodeWhileOthersGetEverything() throws Exception {
        String token = accounts.tokenFor(Role.EDITOR);
        TestAccounts.Staff slowReader = accounts.create(Role.EDITOR);
        TestSocket healthy = sockets.joined(token);
        double slowClosesBefore = slowCloses();
        try (RawWebSocket stalled = sockets.raw(65_536)) {
            stalled.sendText("{\"type\":\"hello\",\"token\":\"" + slowReader.token() + "\"}");
            stalled.readUntil("\"ready\"");
            // From here on the stalled client reads nothing: its buffers fill, then its server-side queue. Both
            // clients still send a ping every 10 s, as live clients do, so that on a slow machine the idle timeout
            // (60 s, 4010) closes neither of them while the posts are written.
            List<String> titles = new ArrayList<>();
            long lastPing = System.nanoTime();
            for (int i = 0; i < 3_000 && !closingAsSlow(slowReader); i++) {
                titles.add(create(token, i));
                if (System.nanoTime() - lastPing > TimeUnit.SECONDS.toNanos(10)) {
                    stalled.sendText("{\"type\":\"ping\"}");
                    healthy.send("{\"type\":\"ping\"}");
                    lastPing = System.nanoTime();
                }
            }
            assertThat(closingAsSlow(slowReader)).isTrue();

            assertThat(stalled.readUntilClose()).isEqualTo(CloseCodes.SLOW_CLIENT.code());
            assertThat(slowCloses()).isGreaterThan(slowClosesBefore);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> healthy.raw().stream()
                    .filter(frame -> frame.contains("Slow client test")).count() == titles.size());
            assertThat(healthy.isClosed()).isFalse();
        }
        healthy.close();
    }

    private double slowCloses() {
        return meters.get("blog.realtime.slow.closes").counter().count();
    }

    private boolean closingAsSlow(TestAccounts.Staff staff) {
        return sessions.all().stream().anyMatch(session -> session.isSlowClosing() && session.actor() != null
                && session.actor().id().equals(staff.id()));
    }

    private String create(String token, int i) throws Exception {
        String title = "Slow client test " + i + " " + "t".repeat(200);
        mvc.perform(MockMvcRequestBuilders.post("/api/posts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("title", title, "excerpt", "e".repeat(1000)))));
        return title;
    }
}
