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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.realtimeblog.realtime.presence.PresenceAnnouncer;
import io.realtimeblog.realtime.presence.PresenceLeases;
import io.realtimeblog.users.StaffDirectory;

/**
 * One Spring context for every integration test: the whole application, on a random port, on the test database (H2 in memory by
 * default; MariaDB or PostgreSQL when the build passes {@code spring.datasource.*}), driven through MockMvc.
 * Keep the configuration identical across test classes so the context is shared. Its fixtures ({@link TestFixtures}:
 * accounts, posts, sockets) are beans to autowire; a test class extends {@link AbstractIntegrationTest}, which autowires
 * the common ones once.
 * <p>
 * The seams through which a socket's frames reach the database and Kafka are spies in this one context (they call the
 * real beans; Spring resets them after every test), so that {@code SocketThreadsTests} can see which threads call
 * them without a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ FreshSchemaConfiguration.class, TestFixtures.class })
@MockitoSpyBean(types = { StaffDirectory.class, PresenceLeases.class, PresenceAnnouncer.class })
@Tag("database")
public @interface IntegrationTest {
}
