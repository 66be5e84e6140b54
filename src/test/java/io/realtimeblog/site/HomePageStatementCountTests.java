package io.realtimeblog.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.StatementsOnThisThread;
import io.realtimeblog.users.Role;

/**
 * A list page costs a fixed number of statements however many posts it shows: no N+1.
 * <p>
 * What is counted: the SQL statements Hibernate prepares on the test thread ({@link StatementsOnThisThread})
 * while MockMvc renders the home page there. The whole home page of 50
 * posts (the test profile's page size) by two authors takes exactly 2: the site validator (one aggregate, so
 * that a conditional request can be answered 304 before any rendering) and the page itself (one statement: the
 * posts, their tags and their authors' names together). Background work (the scheduler, the deny-list refresh, the
 * outbox relay) runs on other threads and is not counted: Hibernate's global statistics counted it once.
 */
@IntegrationTest
class HomePageStatementCountTests extends AbstractIntegrationTest {

    @Test
    void homePageOfFiftyPostsTakesOneStatementAfterTheValidator() throws Exception {
        List<StaffPosts> authors = List.of(new StaffPosts(api, accounts.tokenFor(Role.EDITOR)),
                new StaffPosts(api, accounts.tokenFor(Role.EDITOR)));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String title = "Counted " + marker + " number " + i;
            authors.get(i % 2).published(title, "Body " + i, "Excerpt " + i, List.of("tag-a" + i % 3, "tag-b"));
            titles.add(title);
        }

        StatementsOnThisThread.reset();
        MockHttpServletResponse home = mvc.perform(get("/")).andReturn().getResponse();
        long statements = StatementsOnThisThread.count();

        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString()).contains(titles).contains("tag-a0", "tag-b");
        assertThat(statements).isEqualTo(2);
    }
}
