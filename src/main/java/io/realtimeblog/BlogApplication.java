package io.realtimeblog;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import io.realtimeblog.doctor.Doctor;

/** Realtime Blog: posts, staff accounts and the real-time pipeline in one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BlogApplication {

    /** Starts the application, or with {@code doctor} as the first argument runs the service check instead. */
    public static void main(String[] args) {
        if (args.length > 0 && "doctor".equals(args[0])) {
            System.exit(Doctor.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(BlogApplication.class, args);
    }

    /**
     * The time source for every module, ticking in microseconds: the finest unit all three databases store, so
     * a time read back equals the time written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
