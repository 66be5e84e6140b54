package io.realtimeblog.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the admin web app (built from {@code frontend/} into {@code static/admin/} of the jar) under
 * {@code /admin}. Its routes ({@code /admin/posts/123}) exist only in the browser, so a path under {@code /admin}
 * that is no file gets {@code index.html} — but only when its last segment has no dot: a missing
 * {@code /admin/assets/x.js} must be a 404, not an HTML page the browser then fails to run as a script (a blank
 * page). {@code /api} and {@code /ws} lie outside {@code /admin} and are never touched.
 * <p>
 * {@code index.html} is revalidated on every load (so a new release is picked up at once); the hashed files under
 * {@code assets/} never change under one name and are cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class AdminAppConfiguration implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/admin/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/admin", "/admin/", "/admin/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new IndexFallbackResolver());
    }

    /** A file when there is one; else index.html for extension-less paths (client-side routes). */
    static final class IndexFallbackResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null) {
                return file;
            }
            String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
            if (lastSegment.contains(".")) {
                return null;
            }
            Resource index = new ClassPathResource("static/admin/index.html");
            return index.isReadable() ? index : null;
        }
    }
}
