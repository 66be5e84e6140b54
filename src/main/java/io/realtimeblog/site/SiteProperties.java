package io.realtimeblog.site;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public site ({@code blog.site.*}).
 *
 * @param baseUrl the absolute address readers reach the site at, used in canonical URLs, Open Graph tags, the
 *        feed and the sitemap (default {@code http://localhost:${server.port}}, set in application.yml)
 * @param title the site's name: page titles, the feed's channel title
 * @param description the home page's meta description and the feed's channel description
 * @param pageSize posts per page on the home page and the archives
 * @param feedSize items in the RSS feed
 */
@Validated
@ConfigurationProperties("blog.site")
public record SiteProperties(@NotBlank String baseUrl, @DefaultValue("Realtime Blog") @NotBlank String title,
        @DefaultValue("Posts that update live.") String description,
        @DefaultValue("10") @Min(1) @Max(100) int pageSize,
        @DefaultValue("20") @Min(1) @Max(100) int feedSize) {

    /** The base URL without a trailing slash, followed by the path. */
    String url(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
