package io.realtimeblog.kafka;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of one {@link EmbeddedKafkaBroker} on its own, without Spring: a test builds {@link #broker} on
 * {@link #dataDir}, a new temporary folder each time, and it is stopped after the test.
 */
abstract class StandaloneBrokerTest {

    @TempDir
    Path dataDir;

    EmbeddedKafkaBroker broker;

    @BeforeAll
    static void quietLogs() {
        KafkaTestClients.quietKafkaLogs();
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }
}
