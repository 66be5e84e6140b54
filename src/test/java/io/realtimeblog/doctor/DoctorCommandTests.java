package io.realtimeblog.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.kafka.EmbeddedKafkaBroker;
import io.realtimeblog.kafka.KafkaClusterArguments;
import io.realtimeblog.kafka.KafkaEndpoint;

/**
 * The doctor command against the running test application (real embedded broker, real WebSocket): green when the
 * system is sound, red with the exact fix when Kafka or the topic is not what the configuration says.
 */
@IntegrationTest
// The command starts its own Spring application, which sets the JVM's log levels to ERROR for a clean report:
// run in a JVM of its own (surefire execution isolated-jvm) so later tests keep their logs.
@Tag("isolated-jvm")
class DoctorCommandTests extends AbstractIntegrationTest {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Environment environment;

    @Test
    void soundSystemPassesEveryCheckIncludingTheLiveRoundTrip() {
        Run run = doctor();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("✔ database", "schema version", "✔ kafka", "1 broker(s)",
                "✔ topic      blog-events: 1 partition(s), replication factor 1", "✔ round trip",
                "blog-created arrived in", "blog-deleted in", "All 4 checks passed.");
        assertThat(run.output()).doesNotContain("✘", "\u001B[");
    }

    @Test
    void unreachableKafkaIsRedWithTheVariableToFixAndAFailingExitCode() {
        Run run = doctor("--spring.kafka.bootstrap-servers=127.0.0.1:1", "--timeout=1500ms");

        assertThat(run.exitCode()).isEqualTo(Doctor.FAILED);
        assertThat(run.output()).contains("✘ kafka", "no answer within 1500 ms",
                "fix: check KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:1)", "✘ topic", "not checked, Kafka is unreachable");
    }

    @Test
    void missingTopicIsRedWithTheCommandThatCreatesIt() {
        String topic = "doctor-missing-" + UUID.randomUUID();

        Run run = doctor("--blog.kafka.topic.name=" + topic);

        assertThat(run.exitCode()).isEqualTo(Doctor.FAILED);
        assertThat(run.output()).contains("✔ kafka", "✘ topic      " + topic + " does not exist",
                "fix: kafka-topics.sh --bootstrap-server " + kafka.bootstrapServers() + " --create --topic " + topic
                        + " --partitions 1 --replication-factor 1 --config retention.ms=604800000");
    }

    @Test
    void partitionsConfiguredOtherThanOneAreRed() {
        Run run = doctor("--blog.kafka.topic.partitions=3");

        assertThat(run.exitCode()).isEqualTo(Doctor.FAILED);
        assertThat(run.output()).contains("✘ topic      blog-events: 1 partition(s)", "configured: 3 partition(s)",
                "the application refuses to start unless blog.kafka.topic.partitions is 1",
                "fix: set BLOG_KAFKA_TOPIC_PARTITIONS=1");
    }

    @Test
    void wrongPasswordIsRedAndSaysWhichCredentialsToPass() {
        Run run = doctor("--password=not-the-password");

        assertThat(run.exitCode()).isEqualTo(Doctor.FAILED);
        assertThat(run.output()).contains("✘ round trip", "HTTP 401", "fix: pass --email/--password");
    }

    @Test
    void theEmbeddedBrokerOfARunningInstanceIsReachedWithTheLoginItSaved() {
        Run run = doctorOnThisMachine("--blog.kafka.embedded.port=" + broker.port(),
                "--blog.kafka.embedded.data-dir=" + broker.dataDir());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("✔ kafka      " + broker.bootstrapServers(), "(the embedded broker)");
    }

    @Test
    void anEmbeddedBrokerWithoutASavedLoginIsRedAndSaysWhichDataFolderToUse(@TempDir Path elsewhere) {
        Run run = doctorOnThisMachine("--blog.kafka.embedded.port=" + broker.port(),
                "--blog.kafka.embedded.data-dir=" + elsewhere, "--blog.kafka.topic.name=doctor-not-checked");

        assertThat(run.exitCode()).isEqualTo(Doctor.FAILED);
        assertThat(run.output()).contains("✘ kafka      no login for the embedded broker at "
                + elsewhere.toAbsolutePath().normalize().resolve("client.properties"),
                "fix: the embedded broker of a running instance saves its login there", "BLOG_DATA_DIR");
        assertThat(elsewhere.resolve("client.properties")).doesNotExist();
    }

    /** Runs the command in this JVM with the test application's database and broker, a timeout that only failures reach. */
    private Run doctor(String... extra) {
        return run(KafkaClusterArguments.of(kafka), extra);
    }

    /** As {@link #doctor}, with no Kafka cluster configured: the embedded broker of an instance on this machine. */
    private Run doctorOnThisMachine(String... extra) {
        return run(List.of(), extra);
    }

    private Run run(List<String> kafkaArguments, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--url=http://127.0.0.1:" + port,
                "--email=" + TestAccounts.ADMIN_EMAIL,
                "--password=" + TestAccounts.ADMIN_PASSWORD,
                // Bounds only what fails; a sound check answers well before it, even on a loaded machine.
                "--timeout=10s",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")));
        args.addAll(kafkaArguments);
        for (String arg : extra) {
            // A later value replaces the default one (Spring would join repeated options into a list).
            args.removeIf(a -> arg.contains("=") && a.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
            args.add(arg);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exitCode = Doctor.run(args.toArray(String[]::new), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Run(exitCode, buffer.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String output) {
    }
}
