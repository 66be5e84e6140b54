package io.realtimeblog.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;

@IntegrationTest
class AdminBootstrapIntegrationTests {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    UserService users;

    @Test
    void theConfiguredAdministratorExistsAndALaterStartCreatesNoOther() {
        assertThat(users.list()).anySatisfy(user -> {
            assertThat(user.email()).isEqualTo(TestAccounts.ADMIN_EMAIL);
            assertThat(user.role()).isEqualTo(Role.ADMIN);
            assertThat(user.enabled()).isTrue();
        });
        assertThat(users.authenticate(TestAccounts.ADMIN_EMAIL, TestAccounts.ADMIN_PASSWORD)).isPresent();

        assertThat(bootstrap.createFirstAdminIfNoUserExists()).isFalse();
    }
}
