package io.realtimeblog.realtime;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import io.realtimeblog.BlogApplication;
import io.realtimeblog.kafka.KafkaClusterArguments;
import io.realtimeblog.kafka.KafkaEndpoint;

/**
 * A second app instance beside the test's own, as two instances behind a load balancer: the same database, and the
 * first instance's embedded broker used as an external SASL cluster. Everything else is the test profile's.
 */
final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on a free port, on the database of {@code first} and the broker {@code kafka}. */
    static SecondInstance beside(Environment first, KafkaEndpoint kafka) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--server.port=0",
                "--spring.datasource.url=" + first.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + first.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + first.getProperty("spring.datasource.password", "")));
        args.addAll(KafkaClusterArguments.of(kafka));
        return new SecondInstance(new SpringApplication(BlogApplication.class).run(args.toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Stops it; a second call (after a test stopped it on purpose) does nothing. */
    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
