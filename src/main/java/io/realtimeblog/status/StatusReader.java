package io.realtimeblog.status;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeblog.status.SystemStatus.ByAudience;

/**
 * Puts {@link SystemStatus} together from the health contributors {@code db}, {@code kafka} and {@code outbox}
 * (each asked once per call; Kafka's check waits at most 2 s) and from the meters in the registry. A meter that
 * is missing counts as 0 (or -1 for the stream position).
 */
@Component
class StatusReader {

    private static final List<Status> WORST_FIRST = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN);

    private final HealthContributorRegistry health;
    private final MeterRegistry meters;
    private final Clock clock;

    StatusReader(HealthContributorRegistry health, MeterRegistry meters, Clock clock) {
        this.health = health;
        this.meters = meters;
        this.clock = clock;
    }

    SystemStatus read() {
        Health db = check("db");
        Health kafka = check("kafka");
        Health outbox = check("outbox");
        return new SystemStatus(overall(db, kafka, outbox).getCode(), clock.instant(), database(db), kafka(kafka),
                outbox(outbox), realtime());
    }

    private static SystemStatus.Database database(Health db) {
        // The data source's own error names driver classes and URLs: the page says where to look instead.
        String error = Status.UP.equals(db.getStatus()) ? null : "The database check failed; see the instance's log.";
        return new SystemStatus.Database(db.getStatus().getCode(), text(db, "database"), error);
    }

    private static SystemStatus.Kafka kafka(Health kafka) {
        return new SystemStatus.Kafka(kafka.getStatus().getCode(), number(kafka, "brokers"), text(kafka, "topic"),
                number(kafka, "partitions"), text(kafka, "error"));
    }

    private SystemStatus.Outbox outbox(Health outbox) {
        return new SystemStatus.Outbox(outbox.getStatus().getCode(), (long) gauge("blog.outbox.backlog", null),
                gauge("blog.outbox.backlog.age", null), (long) counter("blog.outbox.published", null),
                text(outbox, "reason"));
    }

    private SystemStatus.Realtime realtime() {
        Gauge position = meters.find("blog.realtime.stream.position").gauge();
        return new SystemStatus.Realtime(
                new ByAudience((long) gauge("blog.realtime.sessions", "staff"),
                        (long) gauge("blog.realtime.sessions", "public")),
                new ByAudience((long) counter("blog.realtime.delivered", "staff"),
                        (long) counter("blog.realtime.delivered", "public")),
                position == null ? -1 : (long) position.value(),
                new SystemStatus.Resumes(resumes("none"), resumes("memory"), resumes("kafka"), resumes("resync")),
                (long) counter("blog.realtime.slow.closes", null));
    }

    private Health check(String name) {
        HealthContributor contributor = health.getContributor(name);
        if (!(contributor instanceof HealthIndicator indicator)) {
            return Health.unknown().build();
        }
        try {
            Health result = indicator.health(true);
            return result != null ? result : Health.unknown().build();
        } catch (RuntimeException e) {
            return Health.down().build();
        }
    }

    private static Status overall(Health... parts) {
        for (Status worst : WORST_FIRST) {
            for (Health part : parts) {
                if (worst.equals(part.getStatus())) {
                    return worst;
                }
            }
        }
        return Status.UP;
    }

    private static String text(Health health, String detail) {
        Object value = health.getDetails().get(detail);
        return value == null ? null : value.toString();
    }

    private static Integer number(Health health, String detail) {
        return health.getDetails().get(detail) instanceof Number n ? n.intValue() : null;
    }

    private double gauge(String name, String audience) {
        Gauge gauge = (audience == null ? meters.find(name) : meters.find(name).tag("audience", audience)).gauge();
        double value = gauge == null ? 0 : gauge.value();
        return Double.isNaN(value) ? 0 : value;
    }

    private double counter(String name, String audience) {
        Counter counter = (audience == null ? meters.find(name) : meters.find(name).tag("audience", audience))
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long resumes(String outcome) {
        Counter counter = meters.find("blog.realtime.resumes").tag("outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
