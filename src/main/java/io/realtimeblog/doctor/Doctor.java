package io.realtimeblog.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;

import io.realtimeblog.kafka.BlogKafkaProperties;

/**
 * The {@code doctor} command. {@link io.realtimeblog.BlogApplication#main} hands {@code doctor ...} arguments here
 * instead of starting the application.
 */
public final class Doctor {

    /** Exit codes: all checks passed, some failed, the command could not run (bad options or configuration). */
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int UNUSABLE = 2;

    private Doctor() {
    }

    /**
     * Runs every check and prints one line per check to {@code out}.
     *
     * @param args the options after {@code doctor}
     * @param out where the report goes; coloured only when it is the terminal
     * @return {@link #PASSED} only when every check passed
     */
    public static int run(String[] args, PrintStream out) {
        if (DoctorArguments.wantsHelp(args)) {
            out.println(DoctorArguments.USAGE);
            return PASSED;
        }
        try (ConfigurableApplicationContext context = configuration(DoctorArguments.toSpringArguments(args))) {
            DoctorSettings settings = DoctorSettings.from(context.getEnvironment(),
                    context.getBean(BlogKafkaProperties.class), context.getBean(DoctorProperties.class));
            boolean terminal = out == System.out && System.console() != null;
            return check(settings, new Report(out, terminal));
        } catch (RuntimeException e) {
            out.println("✘ configuration: " + Checks.reason(rootCause(e)));
            out.println(DoctorArguments.USAGE);
            return UNUSABLE;
        }
    }

    private static int check(DoctorSettings settings, Report report) {
        List<CheckResult> results = new ArrayList<>();
        Instance instance = new Instance(settings.instance(), settings.timeout());
        try (Checks checks = new Checks(); KafkaChecks kafka = new KafkaChecks(settings)) {
            String dbFix = "check SPRING_DATASOURCE_URL and that the database server is reachable from here";
            results.add(report(report, checks.run(DatabaseCheck.NAME, settings.timeout(), dbFix,
                    () -> new DatabaseCheck(settings.database(), instance).run())));
            CheckResult cluster = checks.run(KafkaChecks.CLUSTER, settings.timeout(), kafka.clusterFix(), kafka::cluster);
            results.add(report(report, cluster));
            results.add(report(report, checks.run(KafkaChecks.TOPIC, settings.timeout(), "fix the kafka check first",
                    () -> kafka.topic(cluster.passed()))));
            // Login, socket, two REST calls and two events, each bounded by the timeout.
            results.add(report(report, checks.run(RoundTripCheck.NAME, settings.timeout().multipliedBy(6),
                    "see the instance's log and its /actuator/health/pipeline (management port, or an ADMIN token)",
                    () -> new RoundTripCheck(instance, settings.email(), settings.password(), settings.timeout()).run())));
        }
        report.summary(results);
        return results.stream().allMatch(CheckResult::passed) ? PASSED : FAILED;
    }

    private static CheckResult report(Report report, CheckResult result) {
        report.print(result);
        return result;
    }

    /**
     * The application's configuration (application.yml, environment, arguments) without the application: no web
     * server, no embedded broker, no data source, no migrations.
     */
    private static ConfigurableApplicationContext configuration(String[] args) {
        return new SpringApplicationBuilder(DoctorConfiguration.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .listeners(new QuietLogging())
                .run(args);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The report is the output: the clients' and Flyway's warnings (a refused connection, a newer H2) would bury it.
     * Runs before Boot's logging listener and wins over application.yml's levels.
     */
    static final class QuietLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("doctorLogging", Map.of(
                    "logging.level.root", "error",
                    "logging.level.org.apache.kafka", "error",
                    "logging.level.kafka", "error",
                    "logging.level.org.flywaydb", "error")));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Not a {@code @Configuration}: the application's component scan must not pick it up. */
    @EnableConfigurationProperties({BlogKafkaProperties.class, DoctorProperties.class})
    static class DoctorConfiguration {
    }
}
