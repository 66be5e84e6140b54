package io.realtimeblog.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the command's own options into the properties they stand for ({@code --url X} or {@code --url=X} →
 * {@code --blog.doctor.url=X}); every other {@code --name=value} passes through to Spring as for the application.
 */
final class DoctorArguments {

    private static final Map<String, String> SHORTHANDS = Map.of(
            "--url", "blog.doctor.url",
            "--email", "blog.doctor.email",
            "--password", "blog.doctor.password",
            "--timeout", "blog.doctor.timeout");

    static final String USAGE = """
            Usage: java -jar realtime-blog.jar doctor [--url=http://host:8080] [--email=...] [--password=...] \
            [--timeout=10s] [--any.spring.property=value]
            Checks the database, Kafka, the event topic and a round trip through the running instance at --url,
            with the application's own configuration (environment variables, application.yml). Exit code 0 when all pass.""";

    private DoctorArguments() {
    }

    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    static String[] toSpringArguments(String[] args) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String property = SHORTHANDS.get(name);
            if (property == null) {
                result.add(arg);
            } else if (equals >= 0) {
                result.add("--" + property + "=" + arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                result.add("--" + property + "=" + args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return result.toArray(String[]::new);
    }
}
