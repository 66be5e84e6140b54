package io.realtimeblog.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Environment variables are resolved to configuration keys by Spring's relaxed binding rules, and nothing else. */
class ConfigurationKeysTests {

    private final ConfigurationKeys sample = ConfigurationKeys.of(sampleKeys(), Set.of("PORT"));

    private static Map<String, String> sampleKeys() {
        Map<String, String> keys = new HashMap<>();
        keys.put("spring.datasource.url", "java.lang.String");
        keys.put("blog.kafka.topic.replication-factor", "java.lang.Integer");
        keys.put("spring.kafka.properties", "java.util.Map<java.lang.String,java.lang.String>");
        return keys;
    }

    @Test
    void variablesMapToKeysWithDashesRemovedOrAsUnderscores() {
        assertThat(sample.propertyOf("SPRING_DATASOURCE_URL")).contains("spring.datasource.url");
        assertThat(sample.propertyOf("BLOG_KAFKA_TOPIC_REPLICATIONFACTOR")).contains("blog.kafka.topic.replication-factor");
        assertThat(sample.propertyOf("BLOG_KAFKA_TOPIC_REPLICATION_FACTOR")).contains("blog.kafka.topic.replication-factor");
    }

    @Test
    void variablesUnderAMapPropertyAreItsEntries() {
        assertThat(sample.propertyOf("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL"))
                .contains("spring.kafka.properties.security_protocol");
    }

    @Test
    void variablesThatApplicationYmlReadsAreKnown() {
        assertThat(sample.propertyOf("PORT")).isPresent();
    }

    @Test
    void misspelledOrInventedVariablesAreUnknown() {
        assertThat(sample.propertyOf("SPRING_DATASOURCE_URI")).isEmpty();
        assertThat(sample.propertyOf("BLOG_KAFKA_TOPIC_REPLICATIONFACTORS")).isEmpty();
        assertThat(sample.propertyOf("JAVA_OPTS")).isEmpty();
    }

    @Test
    void theApplicationsOwnAndSpringBootsKeysAreAllKnown() {
        ConfigurationKeys application = ConfigurationKeys.ofApplication();

        assertThat(application.propertyOf("BLOG_KAFKA_TOPIC_MININSYNCREPLICAS")).contains("blog.kafka.topic.min-insync-replicas");
        assertThat(application.propertyOf("BLOG_DOCTOR_EMAIL")).contains("blog.doctor.email");
        assertThat(application.propertyOf("BLOG_DATA_DIR")).isPresent();
        assertThat(application.propertyOf("KAFKA_BOOTSTRAP_SERVERS")).isPresent();
        assertThat(application.propertyOf("SERVER_FORWARDHEADERSSTRATEGY")).contains("server.forward-headers-strategy");
        assertThat(application.propertyOf("MANAGEMENT_SERVER_PORT")).contains("management.server.port");
        assertThat(application.propertyOf("BLOG_KAFKA_TOPIC_REPLICATONFACTOR")).isEmpty();
    }
}
