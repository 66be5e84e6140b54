package io.realtimeblog.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The port of the separate management server ({@code management.server.port}), once it listens; none when the
 * actuator shares the main port. Learnt from the server itself, so {@code management.server.port=0} works too.
 * A request is on it when its <em>local</em> port is that port: the socket's own port, which no forwarded header
 * can change.
 */
@Component
class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    static final String NAMESPACE = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    boolean matches(HttpServletRequest request) {
        int current = port;
        return current > 0 && request.getLocalPort() == current;
    }
}
