package io.realtimeblog.kafka;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Only the kafka module and Boot's Kafka auto-configuration: fast, and independent of the other modules. */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration(KafkaAutoConfiguration.class)
@Import(KafkaConfiguration.class)
class KafkaModuleTestConfiguration {
}
