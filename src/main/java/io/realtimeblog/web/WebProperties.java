package io.realtimeblog.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings ({@code blog.web.*}).
 *
 * @param maxRequestBody the largest request body the API accepts; larger ones get 413
 */
@ConfigurationProperties("blog.web")
public record WebProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}
