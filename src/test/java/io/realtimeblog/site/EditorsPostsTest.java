package io.realtimeblog.site;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.users.Role;

/**
 * A test of the public site over what one editor writes: a new {@link #editor} for each test, {@link #posts} written
 * as them through the API, and a {@link #marker} unique to the test to put in titles, tags and slugs.
 */
abstract class EditorsPostsTest extends AbstractIntegrationTest {

    TestAccounts.Staff editor;
    StaffPosts posts;
    String marker;

    @BeforeEach
    void signInAnEditor() {
        editor = accounts.create(Role.EDITOR);
        posts = new StaffPosts(api, editor.token());
        marker = UUID.randomUUID().toString().substring(0, 8);
    }
}
