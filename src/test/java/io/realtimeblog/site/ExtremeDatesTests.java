package io.realtimeblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.site.StaffPosts.Written;
import io.realtimeblog.users.Role;

/**
 * Every page, the feed and the sitemap render whatever date a row holds: extreme instants written straight into
 * the database (the ends of every supported database's timestamp range; on H2 also years far beyond 9999 and
 * before year 1) still answer 200, with the dates an RFC 822 or HTTP date cannot carry left out.
 */
@IntegrationTest
class ExtremeDatesTests extends AbstractIntegrationTest {

    StaffPosts posts;
    Written post;
    String token;

    @BeforeEach
    void setUp() throws Exception {
        token = accounts.tokenFor(Role.EDITOR);
        posts = new StaffPosts(api, token);
        post = posts.published("Extreme " + UUID.randomUUID(), "Body", "Excerpt", List.of("extreme"));
    }

    @AfterEach
    void tearDown() {
        // Other tests read the newest posts: keep this one's odd dates from leading every list.
        jdbc.update("DELETE FROM posts WHERE id = ?", post.id());
    }

    /** The ends of the running database's timestamp type (MariaDB: years 1000 to 9999; H2, PostgreSQL: wider). */
    private List<LocalDateTime> extremes() {
        List<LocalDateTime> all = new ArrayList<>(List.of(LocalDateTime.of(1000, 1, 1, 0, 0),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
        if (!database().contains("mariadb") && !database().contains("mysql")) {
            all.addAll(List.of(LocalDateTime.of(10_000, 1, 1, 0, 0), LocalDateTime.of(294_276, 12, 31, 23, 59, 59),
                    LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(-4_712, 1, 1, 0, 0)));
        }
        return all;
    }

    @Test
    void pagesFeedAndSitemapAnswer200WhateverDateARowHolds() throws Exception {
        for (LocalDateTime when : extremes()) {
            jdbc.update("UPDATE posts SET published_at = ?, updated_at = ?, created_at = ? WHERE id = ?", when, when,
                    when, post.id());

            for (String path : List.of("/", "/posts/" + post.slug(), "/tags/extreme", "/feed.xml", "/sitemap.xml")) {
                MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
                assertThat(response.getStatus()).as(path + " at " + when).isEqualTo(200);
                assertThat(response.getHeader(HttpHeaders.ETAG)).as(path).isNotBlank();
            }
            String page = mvc.perform(get("/posts/" + post.slug())).andReturn().getResponse().getContentAsString();
            assertThat(page).as("at " + when).contains("<time datetime=");
            String api = mvc.perform(get("/api/posts/" + post.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andReturn().getResponse().getContentAsString();
            assertThat(api).as("at " + when).contains("\"publishedAt\"");
        }
    }

    private String database() {
        return jdbc.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName())
                .toLowerCase(Locale.ROOT);
    }
}
