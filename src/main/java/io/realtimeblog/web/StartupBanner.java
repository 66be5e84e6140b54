package io.realtimeblog.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the system where to find it. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void on(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return; // the actuator's own port (management.server.port): not where people go
        }
        int port = event.getWebServer().getPort();
        log.info("""

                Realtime Blog is running at http://localhost:{}/
                  admin app:     http://localhost:{}/admin
                  log in (API):  POST http://localhost:{}/api/auth/login
                  API docs:      http://localhost:{}/swagger-ui.html  (OpenAPI: /v3/api-docs)
                  readiness:     http://localhost:{}/readyz
                """, port, port, port, port, port);
    }
}
