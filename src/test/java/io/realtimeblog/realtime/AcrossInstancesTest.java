package io.realtimeblog.realtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.kafka.KafkaEndpoint;

/**
 * An integration test with a {@link SecondInstance} beside the test's own, started before each test and stopped
 * after it (after the subclass's own {@code @AfterEach}, so sockets it opened on either instance close first).
 */
abstract class AcrossInstancesTest extends AbstractIntegrationTest {

    @Autowired
    KafkaEndpoint kafka;

    @Autowired
    Environment environment;

    SecondInstance second;

    @BeforeEach
    void startSecondInstance() {
        second = SecondInstance.beside(environment, kafka);
    }

    @AfterEach
    void stopSecondInstance() {
        second.close();
    }
}
