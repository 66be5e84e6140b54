package io.realtimeblog.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The first-start path without a Spring context: which credentials, what is logged, what a losing instance does. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    UserService users = mock(UserService.class);
    MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8181");

    @Test
    void withoutSettingsAnAdminWithAGeneratedPasswordIsCreatedAndItsCredentialsAreLoggedOnce(CapturedOutput output) {
        AdminBootstrap bootstrap = new AdminBootstrap(users, new AdminProperties(null, null), environment);

        assertThat(bootstrap.createFirstAdminIfNoUserExists()).isTrue();

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(users).create(eq("admin@localhost"), anyString(), password.capture(), eq(Role.ADMIN));
        assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(20).matches("[A-Za-z0-9_-]+");
        String announcement = "First start: log in at http://localhost:8181/ with email admin@localhost password "
                + password.getValue();
        assertThat(output.getOut()).containsOnlyOnce(announcement);
    }

    @Test
    void configuredCredentialsAreUsedAndThePasswordIsNeverLogged(CapturedOutput output) {
        AdminBootstrap bootstrap = new AdminBootstrap(users,
                new AdminProperties("boss@example.test", "configured-password"), environment);

        assertThat(bootstrap.createFirstAdminIfNoUserExists()).isTrue();

        verify(users).create("boss@example.test", "Administrator", "configured-password", Role.ADMIN);
        assertThat(output.getOut()).contains("boss@example.test").doesNotContain("configured-password");
    }

    @Test
    void nothingIsCreatedWhenAUserExists() {
        when(users.anyExists()).thenReturn(true);

        assertThat(new AdminBootstrap(users, new AdminProperties(null, null), environment)
                .createFirstAdminIfNoUserExists()).isFalse();

        verify(users, never()).create(any(), any(), any(), any());
    }

    @Test
    void anInstanceThatLosesTheRaceCarriesOnAndLogsNoPassword(CapturedOutput output) {
        when(users.create(any(), any(), any(), any())).thenThrow(UserProblems.emailTaken());

        assertThat(new AdminBootstrap(users, new AdminProperties(null, null), environment)
                .createFirstAdminIfNoUserExists()).isFalse();

        assertThat(output.getOut()).doesNotContain("First start").contains("created by another instance");
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        FirstAdmin first = FirstAdmin.from(new AdminProperties(null, null), Passwords::generate);
        FirstAdmin second = FirstAdmin.from(new AdminProperties(null, null), Passwords::generate);

        assertThat(first.generated()).isTrue();
        assertThat(first.password()).hasSize(24).isNotEqualTo(second.password());
        assertThat(first.toString()).doesNotContain(first.password());
    }

    @Test
    void blankSettingsCountAsUnset() {
        FirstAdmin admin = FirstAdmin.from(new AdminProperties(" ", ""), () -> "generated-password");

        assertThat(admin).isEqualTo(new FirstAdmin("admin@localhost", "generated-password", true));
    }
}
