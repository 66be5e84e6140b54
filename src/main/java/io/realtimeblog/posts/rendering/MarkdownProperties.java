package io.realtimeblog.posts.rendering;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How post Markdown is rendered ({@code blog.posts.markdown.*}).
 *
 * @param maxNesting how deeply the elements of a body's rendered HTML may nest (each block quote, list, list item,
 *        paragraph, emphasis, link or raw HTML element is one level); a deeper body is refused with 400
 *        {@code /problems/markdown-too-complex} on preview, create and update
 */
@Validated
@ConfigurationProperties("blog.posts.markdown")
public record MarkdownProperties(@Min(4) @Max(100) @DefaultValue("32") int maxNesting) {

    /** The defaults, for code that renders outside the application context (tests). */
    static MarkdownProperties defaults() {
        return new MarkdownProperties(32);
    }
}
