package io.realtimeblog.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts.Staff;
import io.realtimeblog.realtime.presence.PresenceAnnouncer;
import io.realtimeblog.realtime.presence.PresenceLeases;
import io.realtimeblog.users.Role;
import io.realtimeblog.users.StaffDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Blocking work asked for by a socket's frames (the token holder's record, leases, presence notices) runs on the
 * realtime work threads, never on the thread that reads the socket nor on the stream's, fan-out or ticker threads;
 * a socket's frames are still handled in order, and one held in the database does not stop the socket's reading.
 * The seams are spies of the shared context ({@link IntegrationTest}); calls from other sockets still open are
 * recorded too, and are held to the same rule.
 */
@IntegrationTest
class SocketThreadsTests extends AbstractIntegrationTest {

    private static final String FORBIDDEN_THREADS = "http-nio-.*|realtime-stream|realtime-fan-out-.*|realtime-ticker";

    /** Spies in the shared context ({@link IntegrationTest}); their stubbing here is reset after each test. */
    @Autowired
    StaffDirectory staffDirectory;

    @Autowired
    PresenceLeases leases;

    @Autowired
    PresenceAnnouncer announcer;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    RestPosts posts;

    /** Method name → the names of the threads that called it. */
    final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    /** The posts whose leases were renewed, in order. */
    final List<UUID> renewed = new CopyOnWriteArrayList<>();
    /** Renewals of this post wait for {@link #release} (null: none waits). */
    volatile UUID heldPost;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<TestSocket> opened = new ArrayList<>();
    Staff ana;
    String postId;

    @BeforeEach
    void setUp() throws Exception {
        doAnswer(this::recorded).when(staffDirectory).findTokenHolder(any(), any());
        doAnswer(this::recorded).when(leases).current();
        doAnswer(this::recorded).when(leases).end(any(), any());
        doAnswer(this::recorded).when(leases).endSession(any());
        doAnswer(this::recorded).when(announcer).started(any());
        doAnswer(this::recorded).when(announcer).stopped(any());
        doAnswer(invocation -> {
            renewed.add(invocation.getArgument(1));
            if (invocation.getArgument(1).equals(heldPost)) {
                held.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return recorded(invocation);
        }).when(leases).renew(any(), any(), any());
        ana = accounts.create(Role.EDITOR);
        postId = posts.create(ana.token(), "Threads " + UUID.randomUUID()).get("id").asString();
    }

    @AfterEach
    void closeSockets() {
        release.countDown();
        opened.forEach(TestSocket::close);
    }

    private Object recorded(InvocationOnMock invocation) throws Throwable {
        calls.computeIfAbsent(invocation.getMethod().getName(), name -> new CopyOnWriteArrayList<>())
                .add(Thread.currentThread().getName());
        return invocation.callRealMethod();
    }

    @Test
    void helloAuthPresenceAndCloseDoTheirDatabaseAndKafkaWorkOnTheWorkThreads() {
        TestSocket anas = socket();
        anas.join(ana.token(), null);
        anas.await("presence-snapshot");
        anas.send("{\"type\":\"auth\",\"token\":\"" + ana.token() + "\"}").await("authenticated");
        anas.send(PresenceTests.presence(postId, true));
        PresenceTests.awaitPresence(anas, postId, true);
        anas.send(PresenceTests.presence(postId, false));
        PresenceTests.awaitPresence(anas, postId, false);
        anas.send(PresenceTests.presence(postId, true));
        PresenceTests.awaitPresence(anas, postId, true);

        anas.close();

        Awaitility.await().until(() -> leaseCount(postId) == 0 && calls.containsKey("endSession"));
        assertThat(calls).containsKeys("findTokenHolder", "current", "renew", "end", "endSession", "started",
                "stopped");
        assertThat(calls.values()).allSatisfy(threads -> assertThat(threads).noneMatch(
                name -> name.matches(FORBIDDEN_THREADS)));
        assertThat(calls.get("findTokenHolder")).as("hello and auth").filteredOn(this::workThread).hasSize(2);
        assertThat(calls.get("current")).as("the snapshot after ready").anyMatch(this::workThread);
        assertThat(calls.get("renew")).as("presence frames").allMatch(this::workThread);
        assertThat(calls.get("end")).as("presence frames").allMatch(this::workThread);
        assertThat(calls.get("endSession")).as("the socket's end").allMatch(this::workThread);
    }

    @Test
    void aPingIsAnsweredWhileAPresenceFrameWaitsOnTheDatabaseAndTheFramesBehindItKeepTheirOrder() throws Exception {
        TestSocket anas = staffWithAPresenceFrameHeld();

        anas.send("{\"type\":\"first\"}")
                .send(PresenceTests.presence(UUID.randomUUID().toString(), true))
                .send("{\"type\":\"auth\",\"token\":\"" + ana.token() + "\"}")
                .send("{\"type\":\"hello\"}");
        anas.send("{\"type\":\"ping\"}").await("pong");

        assertThat(replies(anas)).as("the frames behind the held one wait").containsExactly("ready",
                "presence-snapshot", "pong");
        release.countDown();
        Awaitility.await().until(() -> replies(anas).size() == 7);
        assertThat(replies(anas)).containsExactly("ready", "presence-snapshot", "pong", "error unknown-type",
                "error bad-frame", "authenticated", "error already-greeted");
        PresenceTests.awaitPresence(anas, postId, true);
    }

    @Test
    void aSocketWhoseFramesPileUpBehindHeldWorkIsClosedWith1008AndTheFramesBehindAreNotHandled() throws Exception {
        List<String> others = new ArrayList<>();
        for (int i = 0; i <= properties.maxPendingFrames(); i++) {
            others.add(posts.create(ana.token(), "Other " + UUID.randomUUID()).get("id").asString());
        }
        TestSocket anas = staffWithAPresenceFrameHeld();

        try {
            for (String other : others) {
                anas.send(PresenceTests.presence(other, true));
            }
        } catch (RuntimeException closedWhileSending) {
            // The server closed the socket under the loop.
        }

        assertThat(anas.awaitClose()).isEqualTo(1008);
        release.countDown();
        Awaitility.await().until(() -> calls.containsKey("endSession") && leaseCount(postId) == 0);
        assertThat(others).allSatisfy(other -> assertThat(leaseCount(other)).isZero());
        assertThat(renewed).as("only the held frame was handled").containsOnlyOnce(UUID.fromString(postId))
                .doesNotContainAnyElementsOf(others.stream().map(UUID::fromString).toList());
    }

    /** Ana's socket, after ready, whose presence frame on the post now waits in the database for {@link #release}. */
    private TestSocket staffWithAPresenceFrameHeld() throws InterruptedException {
        TestSocket anas = socket();
        anas.join(ana.token(), null);
        anas.await("presence-snapshot");
        heldPost = UUID.fromString(postId);
        anas.send(PresenceTests.presence(postId, true));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        return anas;
    }

    private boolean workThread(String name) {
        return name.startsWith("realtime-work-");
    }

    /** The replies the socket got, in order: type (and an error's code), without events and presence notices. */
    private static List<String> replies(TestSocket socket) {
        return socket.frames().stream()
                .filter(f -> !List.of("event", "presence", "heartbeat").contains(f.get("type").asString()))
                .map(f -> f.get("type").asString() + (f.has("code") ? " " + f.get("code").asString() : ""))
                .toList();
    }

    private int leaseCount(String post) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM presence_leases WHERE post_id = ?", Integer.class, post);
    }

    private TestSocket socket() {
        TestSocket socket = sockets.open();
        opened.add(socket);
        return socket;
    }
}
