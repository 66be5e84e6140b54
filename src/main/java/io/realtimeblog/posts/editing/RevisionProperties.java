package io.realtimeblog.posts.editing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Revision history settings ({@code blog.posts.revisions.*}).
 *
 * @param autosaveWindow how long one author's autosaves of a post keep going into the same revision: the first
 *                       autosave after any other change starts a revision, later ones within this time of it
 *                       update that revision instead of adding one (0 makes every autosave a revision)
 */
@Validated
@ConfigurationProperties("blog.posts.revisions")
public record RevisionProperties(
        @NotNull @DurationMin(seconds = 0) @DurationMax(hours = 24) @DefaultValue("10m") Duration autosaveWindow) {
}
