package io.realtimeblog.posts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class VersionsTests {

    @Test
    void readsTheVersionFromStrongWeakOrBareIfMatch() {
        assertThat(Versions.expected("\"7\"", null)).isEqualTo(7);
        assertThat(Versions.expected("W/\"7\"", null)).isEqualTo(7);
        assertThat(Versions.expected("7", null)).isEqualTo(7);
    }

    @Test
    void fallsBackToTheVersionField() {
        assertThat(Versions.expected(null, 3L)).isEqualTo(3);
        assertThat(Versions.expected("\"3\"", 3L)).isEqualTo(3);
    }

    @Test
    void aWriteWithoutAnyVersionIsRefusedWith428() {
        assertThatThrownBy(() -> Versions.expected(null, null)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(428));
    }

    @Test
    void garbageOrDisagreeingVersionsAreRefusedWith400() {
        for (String bad : new String[] {"*", "\"abc\"", "-1", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> Versions.expected(bad, null)).isInstanceOfSatisfying(
                    ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        }
        assertThatThrownBy(() -> Versions.expected("\"2\"", 3L)).isInstanceOfSatisfying(
                ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
    }
}
