package io.realtimeblog.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;

/**
 * The admin app's client-side routes load its index.html, while a missing script stays a 404 and the API and
 * public site are untouched. (The index.html and asset of src/test/resources stand in for the built app.)
 */
@IntegrationTest
class AdminAppFallbackTests extends AbstractIntegrationTest {

    @Test
    void aClientSideRouteLoadsTheAppsIndexHtmlThatIsRevalidatedOnEveryLoad() throws Exception {
        for (String path : new String[] {"/admin", "/admin/", "/admin/posts", "/admin/posts/123", "/admin/login"}) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("admin app for tests")))
                    .andExpect(header().string("Cache-Control", "no-cache"));
        }
    }

    @Test
    void aHashedAssetIsServedWithALongCacheLifetime() throws Exception {
        mvc.perform(get("/admin/assets/app-test.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("admin app asset for tests")))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
    }

    @Test
    void aMissingFileIsA404NotTheIndexPage() throws Exception {
        mvc.perform(get("/admin/assets/missing.js")).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("admin app for tests"))));
        mvc.perform(get("/admin/missing.css")).andExpect(status().isNotFound());
    }

    @Test
    void theApiAndThePublicSiteAreNotRoutedToTheApp() throws Exception {
        mvc.perform(get("/api/posts")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/no-such-endpoint")).andExpect(status().isUnauthorized());
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("admin app for tests"))));
    }
}
