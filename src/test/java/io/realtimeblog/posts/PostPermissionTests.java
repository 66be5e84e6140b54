package io.realtimeblog.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.posts.PostsClient.Answer;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * The permission table of ARCHITECTURE.md, role by action, through the real API. A denied write answers with a
 * problem body and leaves the post exactly as it was. Other people's drafts are invisible to AUTHOR and
 * CONTRIBUTOR, so writes on them answer 404 rather than 403.
 */
@IntegrationTest
class PostPermissionTests extends AbstractIntegrationTest {

    String admin;
    String someoneElse;

    @BeforeEach
    void setUp() throws Exception {
        admin = accounts.tokenFor(Role.ADMIN);
        someoneElse = accounts.create(Role.AUTHOR).token();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "ADMIN,       create, 201", "EDITOR,      create, 201",
            "AUTHOR,      create, 201", "CONTRIBUTOR, create, 201",

            "ADMIN,       edit own draft, 200", "EDITOR,      edit own draft, 200",
            "AUTHOR,      edit own draft, 200", "CONTRIBUTOR, edit own draft, 200",

            "ADMIN,       edit own published, 200", "EDITOR,      edit own published, 200",
            "AUTHOR,      edit own published, 200", "CONTRIBUTOR, edit own published, 403",

            "ADMIN,       edit others draft, 200", "EDITOR,      edit others draft, 200",
            "AUTHOR,      edit others draft, 404", "CONTRIBUTOR, edit others draft, 404",

            "ADMIN,       edit others published, 200", "EDITOR,      edit others published, 200",
            "AUTHOR,      edit others published, 403", "CONTRIBUTOR, edit others published, 403",

            "ADMIN,       read others draft, 200", "EDITOR,      read others draft, 200",
            "AUTHOR,      read others draft, 404", "CONTRIBUTOR, read others draft, 404",

            "ADMIN,       read others published, 200", "EDITOR,      read others published, 200",
            "AUTHOR,      read others published, 200", "CONTRIBUTOR, read others published, 200",

            "ADMIN,       publish own, 200", "EDITOR,      publish own, 200",
            "AUTHOR,      publish own, 200", "CONTRIBUTOR, publish own, 403",

            "ADMIN,       publish others draft, 200", "EDITOR,      publish others draft, 200",
            "AUTHOR,      publish others draft, 404", "CONTRIBUTOR, publish others draft, 404",

            "ADMIN,       unpublish own, 200", "EDITOR,      unpublish own, 200",
            "AUTHOR,      unpublish own, 200", "CONTRIBUTOR, unpublish own, 403",

            "ADMIN,       unpublish others, 200", "EDITOR,      unpublish others, 200",
            "AUTHOR,      unpublish others, 403", "CONTRIBUTOR, unpublish others, 403",

            "ADMIN,       delete own draft, 204", "EDITOR,      delete own draft, 204",
            "AUTHOR,      delete own draft, 204", "CONTRIBUTOR, delete own draft, 403",

            "ADMIN,       delete others published, 204", "EDITOR,      delete others published, 204",
            "AUTHOR,      delete others published, 403", "CONTRIBUTOR, delete others published, 403",

            "ADMIN,       restore others published, 200", "EDITOR,      restore others published, 200",
            "AUTHOR,      restore others published, 403", "CONTRIBUTOR, restore others published, 403",
    })
    void roleMayOrMayNot(Role role, String action, int expected) throws Exception {
        String actor = accounts.create(role).token();
        boolean own = action.contains("own");
        boolean published = action.contains("published") || action.startsWith("unpublish");
        Answer target = action.equals("create") ? null : post(own ? actor : someoneElse, published);
        JsonNode before = target == null ? null : api.get(admin, target.id()).body();

        Answer answer = perform(actor, action, target);

        assertThat(answer.status()).as("%s %s", role, action).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("status").asInt()).isEqualTo(expected);
            assertThat(api.get(admin, target.id()).body()).as("post unchanged").isEqualTo(before);
        }
    }

    @Test
    void listsShowAuthorsAndContributorsOnlyTheirOwnAndPublishedPosts() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        api.create(someoneElse, "Hidden draft " + marker);
        Answer visible = api.create(someoneElse, "Visible " + marker);
        api.publish(someoneElse, visible.id(), visible.version());
        java.util.Map<Role, String> actors = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            actors.put(role, accounts.create(role).token());
            api.create(actors.get(role), "Mine " + marker);
        }
        for (Role role : Role.values()) {
            JsonNode list = api.list(actors.get(role), "?q=" + marker).body();
            long expected = role == Role.ADMIN || role == Role.EDITOR ? 2 + Role.values().length : 2;
            assertThat(list.get("totalItems").asLong()).as("%s sees", role).isEqualTo(expected);
            if (expected == 2) {
                assertThat(list.toString()).doesNotContain("Hidden draft");
            }
        }
    }

    @Test
    void anonymousCallersGet401ProblemsEverywhere() throws Exception {
        Answer target = post(someoneElse, true);
        for (Answer answer : new Answer[] {api.list(null, ""), api.get(null, target.id()),
                api.create(null, "anonymous"), api.publish(null, target.id(), target.version()),
                api.delete(null, target.id(), target.version())}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    private Answer post(String ownerToken, boolean published) throws Exception {
        Answer created = api.create(ownerToken, "Target " + UUID.randomUUID());
        if (!published) {
            return created;
        }
        // An editor publishes, so that a contributor's own post can be published too.
        return api.publish(accounts.tokenFor(Role.EDITOR), created.id(), created.version());
    }

    private Answer perform(String actor, String action, Answer target) throws Exception {
        String verb = action.split(" ")[0];
        return switch (verb) {
            case "create" -> api.create(actor, "Created by " + action);
            case "edit" -> api.update(actor, target.id(), target.version(), Map.of("title", "Edited"));
            case "read" -> api.get(actor, target.id());
            case "publish" -> api.publish(actor, target.id(), target.version());
            case "unpublish" -> api.unpublish(actor, target.id(), target.version());
            case "delete" -> api.delete(actor, target.id(), target.version());
            case "restore" -> {
                String revision = api.revisions(admin, target.id()).body().get(1).get("id").asString();
                yield api.restore(actor, target.id(), revision, target.version());
            }
            default -> throw new IllegalArgumentException(action);
        };
    }
}
