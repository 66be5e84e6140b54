package io.realtimeblog.database;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Lets one set of Flyway migrations run unchanged on H2, MySQL/MariaDB and PostgreSQL. The only type that
 * differ are long text (MySQL's {@code TEXT} holds 64 KiB, so there it is {@code MEDIUMTEXT}) and timestamps
 * (MySQL's {@code TIMESTAMP} ends in 2038 and shifts with the session time zone, so there it is
 * {@code DATETIME(6)}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer longTextPlaceholder() {
        return flyway -> {
            DataSource dataSource = flyway.getDataSource();
            boolean mySql = isMySql(dataSource);
            flyway.placeholders(Map.of(
                    "long_text", mySql ? "MEDIUMTEXT" : "TEXT",
                    "timestamp", mySql ? "DATETIME(6)" : "TIMESTAMP(6)"));
        };
    }

    private static boolean isMySql(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
            return product.toLowerCase().contains("mysql") || product.toLowerCase().contains("mariadb");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }
}
