package io.realtimeblog;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.posts.PostsClient;
import io.realtimeblog.realtime.RestPosts;
import io.realtimeblog.realtime.Sockets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixtures every {@link IntegrationTest} may autowire, one per concept: staff accounts and their tokens
 * ({@link TestAccounts}), posts written through the REST API ({@link PostsClient}, and {@link RestPosts} for changes
 * that must succeed) and WebSocket clients of this instance ({@link Sockets}).
 */
@TestConfiguration(proxyBeanMethods = false)
class TestFixtures {

    /** A new one for every test instance, like the administrator's login it keeps (tokens expire, tests run long). */
    @Bean
    @Scope("prototype")
    TestAccounts testAccounts(MockMvc mvc, JsonMapper json) {
        return new TestAccounts(mvc, json);
    }

    @Bean
    PostsClient postsClient(MockMvc mvc, JsonMapper json) {
        return new PostsClient(mvc, json);
    }

    @Bean
    RestPosts restPosts(PostsClient posts) {
        return new RestPosts(posts);
    }

    @Bean
    Sockets sockets(Environment environment, JsonMapper json) {
        return new Sockets(environment, json);
    }
}
