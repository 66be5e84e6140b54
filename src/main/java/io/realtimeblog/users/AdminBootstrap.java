package io.realtimeblog.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Creates the first administrator when the database has no user. Several instances may start together: each
 * tries, the unique e-mail constraint lets exactly one succeed, and the others carry on.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final AdminProperties properties;
    private final Environment environment;

    AdminBootstrap(UserService users, AdminProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        createFirstAdminIfNoUserExists();
    }

    /** Returns whether this call created the administrator. */
    boolean createFirstAdminIfNoUserExists() {
        if (users.anyExists()) {
            return false;
        }
        FirstAdmin admin = FirstAdmin.from(properties, Passwords::generate);
        try {
            users.create(admin.email(), "Administrator", admin.password(), Role.ADMIN);
        } catch (ErrorResponseException refused) {
            if (refused.getStatusCode().value() != 409) {
                throw refused;
            }
            log.info("The first administrator {} was created by another instance", admin.email());
            return false;
        }
        if (admin.generated()) {
            log.warn(admin.announcement(port()));
        } else {
            log.info("Created the first administrator {} from blog.admin.* settings", admin.email());
        }
        return true;
    }

    private int port() {
        Integer local = environment.getProperty("local.server.port", Integer.class);
        return local != null ? local : environment.getProperty("server.port", Integer.class, 8080);
    }
}
