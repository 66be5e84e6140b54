package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.realtimeblog.users.Actor;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PostPermissions} against the table of cases that the admin's {@code post-permissions.ts} runs too
 * ({@code frontend/src/lib/post-permission-cases.json}): one rule on the server, one mirror in the browser, checked
 * row by row on both sides.
 */
class PostPermissionCasesTests {

    static final Path CASES = Path.of("frontend/src/lib/post-permission-cases.json");
    static final UUID ME = UUID.fromString("a0000000-0000-0000-0000-000000000001");
    static final UUID SOMEONE_ELSE = UUID.fromString("a0000000-0000-0000-0000-000000000002");

    record Case(String actor, String owner, PostStatus status, boolean see, boolean edit, boolean publish,
            boolean delete) {

        @Override
        public String toString() {
            return actor + " on an " + owner + " " + status + " post";
        }
    }

    static Stream<Case> cases() {
        JsonNode table = JsonMapper.builder().build().readTree(CASES.toFile());
        List<Case> cases = table.path("cases").valueStream().map(row -> new Case(row.path("actor").asString(),
                row.path("owner").asString(), PostStatus.valueOf(row.path("status").asString()),
                row.path("see").asBoolean(), row.path("edit").asBoolean(), row.path("publish").asBoolean(),
                row.path("delete").asBoolean())).toList();
        assertThat(cases).hasSize(27);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseOfTheSharedTableHolds(Case c) {
        Actor actor = c.actor().equals("public") ? null : new Actor(ME, "Me", Role.valueOf(c.actor()));
        UUID author = c.owner().equals("own") ? ME : SOMEONE_ELSE;

        assertThat(List.of(PostPermissions.canSee(actor, author, c.status()),
                PostPermissions.canEdit(actor, author, c.status()),
                PostPermissions.canPublish(actor, author, c.status()),
                PostPermissions.canDelete(actor, author, c.status())))
                .as("see, edit, publish, delete")
                .containsExactly(c.see(), c.edit(), c.publish(), c.delete());
    }
}
