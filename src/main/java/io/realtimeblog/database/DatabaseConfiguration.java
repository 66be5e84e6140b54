package io.realtimeblog.database;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Lets one set of Flyway migrations run unchanged on H2, MySQL/MariaDB and PostgreSQL. The only types that
 * differ are long text (MySQL's {@code TEXT} holds 64 KiB, so there it is {@code MEDIUMTEXT}), timestamps
 * (MySQL's {@code TIMESTAMP} ends in 2038 and shifts with the session time zone, so there it is
 * {@code DATETIME(6)}) and binary data (PostgreSQL has no {@code BLOB} but {@code BYTEA}; MySQL's {@code BLOB}
 * holds 64 KiB, so there it is {@code LONGBLOB}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    FlywayConfigurationCustomizer longTextPlaceholder() {
        return flyway -> {
            DataSource dataSource = flyway.getDataSource();
            String product = product(dataSource);
            boolean mySql = product.contains("mysql") || product.contains("mariadb");
            boolean postgreSql = product.contains("postgresql");
            flyway.placeholders(Map.of(
                    "long_text", mySql ? "MEDIUMTEXT" : "TEXT",
                    "timestamp", mySql ? "DATETIME(6)" : "TIMESTAMP(6)",
                    "binary", mySql ? "LONGBLOB" : postgreSql ? "BYTEA" : "BLOB"));
        };
    }

    private static String product(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
            return product.toLowerCase();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }
}
