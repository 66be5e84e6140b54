package io.realtimeblog.doctor;

import java.net.ConnectException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;

/**
 * The whole path of one change, as a user would see it: log in, join the staff stream over a WebSocket, create a
 * probe draft over REST, wait for its {@code blog-created} frame (REST → database + outbox → relay → Kafka →
 * every instance's consumer → WebSocket), delete it and wait for {@code blog-deleted}. Drafts never reach readers,
 * so the probe is invisible to the public.
 */
final class RoundTripCheck {

    static final String NAME = "round trip";

    private final Instance instance;
    private final String email;
    private final String password;
    private final Duration timeout;

    RoundTripCheck(Instance instance, String email, String password, Duration timeout) {
        this.instance = instance;
        this.email = email;
        this.password = password;
        this.timeout = timeout;
    }

    CheckResult run() throws Exception {
        if (password == null) {
            return CheckResult.fail(NAME, "no credentials to log in to " + instance.base(),
                    "pass --email=... --password=... of a staff account that may create and delete posts "
                            + "(or set BLOG_DOCTOR_EMAIL / BLOG_DOCTOR_PASSWORD)");
        }
        String token;
        try {
            token = instance.login(email, password);
        } catch (ConnectException e) {
            return CheckResult.fail(NAME, instance.base() + " does not answer (connection refused)",
                    "start an instance there, or point --url=http://host:port at a running one");
        } catch (Instance.Failure e) {
            return CheckResult.fail(NAME, e.getMessage(), e.status() == 401 || e.status() == 429
                    ? "pass --email/--password of an active staff account (ADMIN, EDITOR or AUTHOR)"
                    : "see the instance's log");
        }
        try (ProbeSocket socket = ProbeSocket.join(instance, token, timeout)) {
            return probe(token, socket);
        }
    }

    private CheckResult probe(String token, ProbeSocket socket) throws Exception {
        String title = "doctor probe " + UUID.randomUUID().toString().substring(0, 8);
        long sent = System.nanoTime();
        JsonNode post = instance.createPost(token, title,
                "Created by the doctor command to check the live path; it deletes it at once.");
        String id = post.path("id").asString();
        long version = post.path("version").asLong();
        Long created = awaitEvent(socket, "blog-created", id);
        long deleteSent = System.nanoTime();
        instance.deletePost(token, id, version);
        if (created == null) {
            return CheckResult.fail(NAME, "the probe post was saved, but its blog-created event did not arrive within "
                    + timeout.toMillis() + " ms (probe deleted)", pipelineFix());
        }
        Long deleted = awaitEvent(socket, "blog-deleted", id);
        if (deleted == null) {
            return CheckResult.fail(NAME, "blog-created arrived, blog-deleted did not within " + timeout.toMillis()
                    + " ms", pipelineFix());
        }
        return CheckResult.pass(NAME, String.format("%s: blog-created arrived in %.1f ms, blog-deleted in %.1f ms "
                + "(REST → outbox → Kafka → WebSocket)", instance.base(), millis(created - sent),
                millis(deleted - deleteSent)));
    }

    private Long awaitEvent(ProbeSocket socket, String type, String id) throws Exception {
        try {
            return socket.arrival(type, id).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    private String pipelineFix() {
        return "look at the Status page of the admin app (or /actuator/health/pipeline on the management port): a "
                + "growing outbox backlog means the relay "
                + "cannot reach Kafka (check KAFKA_BOOTSTRAP_SERVERS on every instance); an empty backlog means the "
                + "instances do not read the topic (check blog.kafka.topic.name is the same everywhere)";
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
