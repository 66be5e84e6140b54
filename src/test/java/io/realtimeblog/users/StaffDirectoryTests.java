package io.realtimeblog.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.TestAccounts.Staff;

@IntegrationTest
class StaffDirectoryTests extends AbstractIntegrationTest {

    @Autowired
    StaffDirectory directory;

    @Test
    void displayNamesOmitUnknownIds() {
        Staff author = accounts.create(Role.AUTHOR);
        Staff editor = accounts.create(Role.EDITOR);
        UUID unknown = UUID.randomUUID();

        Map<UUID, String> names = directory.displayNames(List.of(author.id(), editor.id(), unknown));

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(author.id(), author.name(), editor.id(),
                editor.name()));
        assertThat(directory.displayNames(List.of())).isEmpty();
    }

    @Test
    void onlyEnabledUsersAreActiveActors() throws Exception {
        Staff author = accounts.create(Role.AUTHOR);
        assertThat(directory.findActiveActor(author.id())).contains(new Actor(author.id(), author.name(), Role.AUTHOR));

        mvc.perform(patch("/api/users/" + author.id())
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.bearer(accounts.adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}")).andExpect(status().isOk());

        assertThat(directory.findActiveActor(author.id())).isEmpty();
        assertThat(directory.findActiveActor(UUID.randomUUID())).isEmpty();
    }
}
