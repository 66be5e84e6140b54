package io.realtimeblog;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Integration tests start from an empty schema on whichever database they run against (H2, or the shared
 * MariaDB and PostgreSQL servers), so runs never see each other's rows.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreshSchemaConfiguration {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
