package io.realtimeblog.doctor;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Connects with the application's JDBC settings and reads Flyway's history: the schema must exist and have every
 * migration this version of the application ships. Read-only: it never migrates.
 */
final class DatabaseCheck {

    static final String NAME = "database";
    /** H2's "database already open": the embedded file database belongs to a running instance. */
    private static final int H2_ALREADY_OPEN = 90020;
    /** H2's "database not found", with IFEXISTS=TRUE: the doctor must not create an empty database file. */
    private static final int H2_NOT_FOUND = 90146;

    private final DoctorSettings.Database database;
    private final Instance instance;

    DatabaseCheck(DoctorSettings.Database database, Instance instance) {
        this.database = database;
        this.instance = instance;
    }

    CheckResult run() {
        String product;
        try (Connection connection = DriverManager.getConnection(connectionUrl(), database.username(),
                database.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                return inUseByInstance();
            }
            if (e.getErrorCode() == H2_NOT_FOUND) {
                return CheckResult.fail(NAME, "no database at " + database.url(), "start the application once with "
                        + "this BLOG_DATA_DIR (it creates the database), or set SPRING_DATASOURCE_URL to your database");
            }
            return CheckResult.fail(NAME, "cannot connect to " + database.url() + ": " + e.getMessage(),
                    "check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that "
                            + "the database server is running and reachable from here");
        }
        return schema(product);
    }

    private String connectionUrl() {
        String url = database.url();
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") ? url + ";IFEXISTS=TRUE" : url;
    }

    private CheckResult schema(String product) {
        MigrationInfoService info = Flyway.configure()
                .dataSource(connectionUrl(), database.username(), database.password())
                .locations(database.flywayLocations())
                .table(database.flywayTable())
                .placeholderReplacement(false)
                .load()
                .info();
        MigrationInfo current = info.current();
        String where = product + " at " + database.url();
        if (current == null || current.getVersion() == null) {
            return CheckResult.fail(NAME, where + ": connected, but it has no schema (no Flyway history)",
                    "start one instance of the application against this database: Flyway creates the schema at start");
        }
        int pending = info.pending().length;
        if (pending > 0) {
            return CheckResult.fail(NAME, where + ": schema version " + current.getVersion() + ", " + pending
                    + " migration(s) of this version not applied yet",
                    "start one instance of this version of the application: Flyway migrates the schema at start");
        }
        return CheckResult.pass(NAME, where + ": schema version " + current.getVersion() + " (Flyway, up to date)");
    }

    /** The embedded H2 file allows one process; the running instance's readiness says whether it has it. */
    private CheckResult inUseByInstance() {
        String fix = "the embedded H2 file allows one process: check from outside with a server database "
                + "(SPRING_DATASOURCE_URL), or make sure the instance at " + instance.base() + " is running";
        try {
            // Readiness is the database and the instance's own readiness state: UP means its database is up.
            String status = instance.readiness();
            if ("UP".equals(status)) {
                return CheckResult.pass(NAME, "H2 file " + database.url() + " is in use by the running instance; "
                        + "its readiness (database included) is UP");
            }
            return CheckResult.fail(NAME, "H2 file " + database.url() + " is in use; the instance's readiness is "
                    + status, fix);
        } catch (Exception e) {
            return CheckResult.fail(NAME, "H2 file " + database.url() + " is in use by another process, and "
                    + instance.base() + " does not answer (" + Checks.reason(e) + ")", fix);
        }
    }
}
