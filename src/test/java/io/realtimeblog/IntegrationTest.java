package io.realtimeblog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * One Spring context for every integration test: the whole application, on a random port, on the test database (H2 in memory by
 * default; MariaDB or PostgreSQL when the build passes {@code spring.datasource.*}), driven through MockMvc.
 * Keep the configuration identical across test classes so the context is shared. Its fixtures ({@link TestFixtures}:
 * accounts, posts, sockets) are beans to autowire; a test class extends {@link AbstractIntegrationTest}, which autowires
 * the common ones once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ FreshSchemaConfiguration.class, TestFixtures.class })
@Tag("database")
public @interface IntegrationTest {
}
