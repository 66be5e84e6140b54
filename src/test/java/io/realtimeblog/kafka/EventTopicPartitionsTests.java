package io.realtimeblog.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event topic has exactly one partition, or the application does not start: with one log line that names the
 * property and the topic, and without creating or changing any topic. Against a real broker of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class EventTopicPartitionsTests {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        KafkaTestClients.quietKafkaLogs();
        broker = new EmbeddedKafkaBroker(dataDir, 0, 0);
        broker.start();
        admin = Admin.create(KafkaTestClients.client(broker));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.stop();
    }

    @Test
    void configuredPartitionsOtherThanOneRefuseToStartAndCreateNoTopic(CapturedOutput output) throws Exception {
        String topic = "events-" + UUID.randomUUID();

        application(topic, "blog.kafka.topic.partitions=3").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageStartingWith("blog.kafka.topic.partitions=3 is not supported: topic '"
                        + topic + "' must have exactly 1 partition"));

        assertThat(refusals(output, topic)).hasSize(1);
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(topic);
    }

    @Test
    void existingTopicWithSeveralPartitionsRefusesToStartAndStaysAsItWas(CapturedOutput output) throws Exception {
        String topic = "events-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

        application(topic).run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageStartingWith("topic '" + topic + "' has 3 partitions, but blog.kafka.topic.partitions "
                        + "must be 1"));

        assertThat(refusals(output, topic)).hasSize(1);
        assertThat(partitions(topic)).isEqualTo(3);
    }

    @Test
    void missingTopicIsCreatedWithOnePartitionAndTheApplicationStarts() throws Exception {
        String topic = "events-" + UUID.randomUUID();

        application(topic).run(context -> assertThat(context).hasNotFailed());

        assertThat(partitions(topic)).isEqualTo(1);
    }

    private static KafkaEndpoint cluster() {
        return new KafkaEndpoint(broker.bootstrapServers(), true, broker.clientProperties());
    }

    private static ApplicationContextRunner application(String topic, String... more) {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedKafkaModeTests.KafkaModuleOnly.class)
                // the broker as an external SASL cluster, with its login
                .withPropertyValues(KafkaClusterArguments.of(cluster()).stream().map(arg -> arg.substring(2))
                        .toArray(String[]::new))
                .withPropertyValues("blog.kafka.topic.name=" + topic)
                .withPropertyValues(more);
    }

    private static List<String> refusals(CapturedOutput output, String topic) {
        return output.getOut().lines()
                .filter(line -> line.contains("ERROR") && line.contains("'" + topic + "'")
                        && line.contains("blog.kafka.topic.partitions"))
                .toList();
    }

    private static int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
    }
}
