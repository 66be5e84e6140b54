package io.realtimeblog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.posts.PostsClient;
import io.realtimeblog.realtime.Sockets;
import tools.jackson.databind.json.JsonMapper;

/**
 * What most {@link IntegrationTest}s reach for, autowired once here rather than in every class: the API through
 * MockMvc, the application's JSON mapper, the database, staff accounts, the posts API as a client sees it, WebSocket
 * clients and the port the application listens on. A subclass keeps its own {@code @IntegrationTest} (the one
 * shared context) and autowires only what is particular to it.
 */
public abstract class AbstractIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    /** A new one for every test instance (see {@link TestFixtures}). */
    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected PostsClient api;

    @Autowired
    protected Sockets sockets;

    @LocalServerPort
    protected int port;
}
