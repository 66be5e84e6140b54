package io.realtimeblog.kafka;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external Kafka cluster is configured: {@code spring.kafka.bootstrap-servers} and its alias
 * {@code KAFKA_BOOTSTRAP_SERVERS} are both absent or blank.
 */
class EmbeddedKafkaCondition extends SpringBootCondition {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String BOOTSTRAP_SERVERS_ALIAS = "KAFKA_BOOTSTRAP_SERVERS";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmbedded(context.getEnvironment())
                ? ConditionOutcome.match("no external Kafka cluster configured")
                : ConditionOutcome.noMatch("external Kafka cluster configured (" + BOOTSTRAP_SERVERS + ")");
    }

    static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty(BOOTSTRAP_SERVERS))
                && !StringUtils.hasText(environment.getProperty(BOOTSTRAP_SERVERS_ALIAS));
    }
}
