package io.realtimeblog.datafolder;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;

/**
 * The data folder ({@code blog.data-dir}, env {@code BLOG_DATA_DIR}): where the embedded defaults keep the H2
 * database, the embedded broker's log and the generated secrets.
 *
 * @param dataDir the folder; {@code ./data} (relative to the working directory) when unset
 */
@Validated
@ConfigurationProperties("blog")
public record DataFolderProperties(@DefaultValue("./data") @NotNull Path dataDir) {

    /**
     * The same setting read before the application's beans exist (the data folder guard runs first, and the
     * {@code doctor} command has no full context).
     */
    public static DataFolderProperties from(Environment environment) {
        return Binder.get(environment).bindOrCreate("blog", DataFolderProperties.class);
    }
}
