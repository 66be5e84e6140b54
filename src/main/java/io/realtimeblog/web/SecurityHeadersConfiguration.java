package io.realtimeblog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser hardening headers on every response, through Spring Security's headers DSL (Spring Security applies
 * this customizer bean to the application's filter chain): {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: strict-origin-when-cross-origin}, and one {@code Content-Security-Policy} per kind of
 * page. None allows inline script, only Swagger UI inline style; the policies are listed in docs/admin.md and
 * docs/public-site.md.
 * <ul>
 * <li>Admin app ({@code /admin}): our scripts and styles only; requests only to this origin, which covers its
 * WebSocket ({@code 'self'} matches {@code ws:}/{@code wss:} of the same host); images from anywhere over https,
 * because the preview shows a post's remote images once the editor asks for them (until then the app does not
 * put them in the page).</li>
 * <li>Swagger UI ({@code /swagger-ui}): our origin only, plus {@code data:} images of its stylesheet, and inline
 * styles, which Swagger UI applies itself (script stays strict; a browser test checks it renders without a
 * violation).</li>
 * <li>API, API document, actuator: JSON never needs to load anything.</li>
 * <li>Public site (everything else): our scripts ({@code /site/live.js}) and styles, its WebSocket, and the
 * images of published posts from anywhere over https.</li>
 * </ul>
 * None may be framed ({@code frame-ancestors 'none'}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

    static final String ADMIN_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob: https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    Customizer<HeadersConfigurer<HttpSecurity>> browserHardeningHeaders() {
        RequestMatcher admin = paths("/admin", "/admin/**");
        RequestMatcher swagger = paths("/swagger-ui.html", "/swagger-ui/**");
        RequestMatcher api = paths("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**");
        RequestMatcher site = new NegatedRequestMatcher(new OrRequestMatcher(admin, swagger, api));
        return headers -> headers
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(policy(admin, ADMIN_POLICY))
                .addHeaderWriter(policy(swagger, SWAGGER_POLICY))
                .addHeaderWriter(policy(api, API_POLICY))
                .addHeaderWriter(policy(site, SITE_POLICY));
    }

    private static DelegatingRequestMatcherHeaderWriter policy(RequestMatcher matcher, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(matcher, new ContentSecurityPolicyHeaderWriter(policy));
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = builder.matcher(patterns[i]);
        }
        return new OrRequestMatcher(matchers);
    }
}
