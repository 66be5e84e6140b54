package io.realtimeblog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff accounts for integration tests, made through the real API: logs in as the bootstrap administrator
 * (from the test profile), creates users of any role with unique e-mail addresses, and returns their access
 * tokens. Every {@link IntegrationTest} may autowire one (a new instance per test, see {@link TestFixtures});
 * {@link AbstractIntegrationTest} holds it as {@code accounts}.
 *
 * <pre>
 * String token = accounts.tokenFor(Role.EDITOR);
 * TestAccounts.Staff author = accounts.create(Role.AUTHOR);   // author.id(), author.token(), author.name()
 * mvc.perform(get("/api/users/me").header(HttpHeaders.AUTHORIZATION, author.bearer()));
 * </pre>
 */
public class TestAccounts {

    public static final String ADMIN_EMAIL = "admin@example.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "a-good-test-password";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MockMvc mockMvc;
    private final JsonMapper jsonMapper;
    private String adminToken;

    public TestAccounts(MockMvc mockMvc, JsonMapper jsonMapper) {
        this.mockMvc = mockMvc;
        this.jsonMapper = jsonMapper;
    }

    /** A created staff member: its id, e-mail, display name, role, password and a fresh access token. */
    public record Staff(UUID id, String email, String name, Role role, String password, String token) {

        /** The value for an {@code Authorization} header. */
        public String bearer() {
            return TestAccounts.bearer(token);
        }
    }

    /** {@code "Bearer " + token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An e-mail address no other test uses, e.g. {@code editor-3f2a...-7@example.test}. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet()
                + "@example.test";
    }

    /** An access token of the bootstrap administrator (logged in once per instance). */
    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD).path("accessToken").asString();
        }
        return adminToken;
    }

    /** An access token of a new staff member with the given role. */
    public String tokenFor(Role role) {
        return create(role).token();
    }

    /** A new staff member with the given role, created by the administrator, and logged in. */
    public Staff create(Role role) {
        String email = uniqueEmail(role.name().toLowerCase());
        return create(role, email, "Test " + role.name().charAt(0) + role.name().substring(1).toLowerCase() + " "
                + SEQUENCE.incrementAndGet());
    }

    /** A new staff member with the given role, e-mail address and display name, created and logged in. */
    public Staff create(Role role, String email, String displayName) {
        Map<String, Object> body = Map.of("email", email, "displayName", displayName, "password", PASSWORD,
                "role", role.name());
        JsonNode created = call(post("/api/users").header(HttpHeaders.AUTHORIZATION, bearer(adminToken()))
                .contentType(MediaType.APPLICATION_JSON).content(jsonMapper.writeValueAsString(body)), 201);
        String token = login(email, PASSWORD).path("accessToken").asString();
        return new Staff(UUID.fromString(created.path("id").asString()), email, displayName, role, PASSWORD, token);
    }

    /** The login response (accessToken, refreshToken, user, ...); fails unless the login succeeds. */
    public JsonNode login(String email, String password) {
        Map<String, String> body = Map.of("email", email, "password", password);
        return call(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content(jsonMapper.writeValueAsString(body)), 200);
    }

    private JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expectedStatus) {
        try {
            MvcResult result = mockMvc.perform(request).andReturn();
            String content = result.getResponse().getContentAsString();
            if (result.getResponse().getStatus() != expectedStatus) {
                throw new AssertionError("Expected HTTP " + expectedStatus + " but got "
                        + result.getResponse().getStatus() + ": " + content);
            }
            return jsonMapper.readTree(content);
        } catch (AssertionError | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
