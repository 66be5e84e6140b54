package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;

/**
 * Every kind of page carries its Content-Security-Policy, and every response nosniff and a referrer policy that
 * never sends a path to another origin. No policy allows inline script, only Swagger UI's inline style, and
 * nothing may frame us. (e2e/tests/browser-hardening.spec.js checks the pages work under them in Chromium.)
 */
@IntegrationTest
class SecurityHeadersTests extends AbstractIntegrationTest {

    @Test
    void theAdminAppMayLoadOnlyItsOwnScriptsAndTalkOnlyToThisOriginAndItsSocket() throws Exception {
        for (String path : new String[] {"/admin", "/admin/posts/123", "/admin/assets/app-test.js"}) {
            String policy = headers(path).getHeader("Content-Security-Policy");
            assertThat(policy).as(path).isEqualTo(SecurityHeadersConfiguration.ADMIN_POLICY)
                    .contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'");
            assertStrict(policy);
        }
    }

    @Test
    void thePublicSiteMayRunItsLiveScriptAndShowPostImages() throws Exception {
        for (String path : new String[] {"/", "/posts/no-such-post", "/feed.xml", "/site/live.js"}) {
            String policy = headers(path).getHeader("Content-Security-Policy");
            assertThat(policy).as(path).isEqualTo(SecurityHeadersConfiguration.SITE_POLICY)
                    .contains("script-src 'self';", "img-src 'self' data: https:;", "connect-src 'self';");
            assertStrict(policy);
        }
    }

    @Test
    void theApiAndSwaggerUiHaveTheirOwnPolicies() throws Exception {
        assertThat(headers("/api/posts").getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(headers("/v3/api-docs").getHeader("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersConfiguration.API_POLICY);
        String swagger = headers("/swagger-ui/index.html").getHeader("Content-Security-Policy");
        assertThat(swagger).isEqualTo(SecurityHeadersConfiguration.SWAGGER_POLICY).contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline';"); // Swagger UI styles its own elements inline
        assertThat(swagger).doesNotContain("unsafe-eval").contains("object-src 'none'", "frame-ancestors 'none'");
    }

    @Test
    void everyResponseIsNosniffWithAStrictReferrerPolicy() throws Exception {
        for (String path : new String[] {"/", "/admin", "/api/posts", "/swagger-ui/index.html", "/no-such-page"}) {
            MockHttpServletResponse response = headers(path);
            assertThat(response.getHeader("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.getHeaders("Content-Security-Policy")).as(path).hasSize(1);
        }
    }

    private static void assertStrict(String policy) {
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*;").contains("object-src 'none'",
                "base-uri 'none'", "frame-ancestors 'none'");
    }

    private MockHttpServletResponse headers(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }
}
