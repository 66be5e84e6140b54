package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Throws bad input at every endpoint: broken JSON, wrong types, missing and unknown fields, oversize strings,
 * bad ids, unknown enum values, wrong media types and methods. Every answer must be a 4xx problem+json body
 * that names no server internals; none may be a 5xx.
 */
@IntegrationTest
class MalformedInputTests extends AbstractIntegrationTest {

    private static final String BIG = "x".repeat(100_001);

    String token;
    String postId;
    String userId;

    @BeforeEach
    void setUp() throws Exception {
        token = accounts.tokenFor(Role.ADMIN);
        MvcResult created = mvc.perform(request(HttpMethod.POST, "/api/posts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Target\"}")).andReturn();
        postId = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        userId = accounts.create(Role.AUTHOR).id().toString();
    }

    /** A request: method, path, body (null for none), content type. */
    record Bad(HttpMethod method, String path, String body, String contentType) {

        static Bad json(HttpMethod method, String path, String body) {
            return new Bad(method, path, body, MediaType.APPLICATION_JSON_VALUE);
        }
    }

    private List<Bad> badRequests() {
        String post = "/api/posts/" + postId;
        String user = "/api/users/" + userId;
        List<Bad> bad = new ArrayList<>();
        for (String path : List.of("/api/posts", "/api/posts/preview", "/api/auth/login", "/api/auth/refresh",
                "/api/users")) {
            bad.addAll(bodyAttacks(HttpMethod.POST, path));
        }
        bad.addAll(bodyAttacks(HttpMethod.PUT, post));
        bad.addAll(bodyAttacks(HttpMethod.PATCH, user));
        bad.addAll(List.of(
                Bad.json(HttpMethod.POST, "/api/posts", "{}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"\"}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"" + "t".repeat(301) + "\"}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"body\":\"" + BIG + "\"}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"slug\":\"Not A Slug!\"}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"tags\":[\"a,b\"]}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"tags\":[null]}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"tags\":\"notalist\"}"),
                Bad.json(HttpMethod.POST, "/api/posts", "{\"title\":\"ok\",\"status\":\"PUBLISHED\"}"),
                Bad.json(HttpMethod.PUT, post, "{\"title\":\"ok\",\"version\":\"seven\"}"),
                Bad.json(HttpMethod.PUT, post, "{\"title\":\"ok\",\"version\":-1}"),
                Bad.json(HttpMethod.PUT, post, "{\"title\":\"ok\"}"),
                Bad.json(HttpMethod.PUT, "/api/posts/not-a-uuid", "{\"title\":\"ok\",\"version\":0}"),
                Bad.json(HttpMethod.POST, "/api/users", "{\"email\":\"a@b.c\",\"displayName\":\"A\","
                        + "\"password\":\"long-enough-password\",\"role\":\"OVERLORD\"}"),
                Bad.json(HttpMethod.POST, "/api/users", "{\"email\":\"not-an-email\",\"displayName\":\"A\","
                        + "\"password\":\"long-enough-password\",\"role\":\"AUTHOR\"}"),
                Bad.json(HttpMethod.PATCH, user, "{\"role\":\"OVERLORD\"}"),
                Bad.json(HttpMethod.PATCH, user, "{\"enabled\":\"maybe\"}"),
                Bad.json(HttpMethod.PATCH, "/api/users/not-a-uuid", "{\"role\":\"AUTHOR\"}"),
                Bad.json(HttpMethod.POST, "/api/auth/login", "{\"email\":\"a@b.c\"}"),
                Bad.json(HttpMethod.POST, "/api/auth/login", "{\"email\":\"" + BIG + "\",\"password\":\"x\"}"),
                new Bad(HttpMethod.POST, "/api/posts", "title=x", MediaType.APPLICATION_FORM_URLENCODED_VALUE),
                new Bad(HttpMethod.POST, "/api/posts", "<post/>", MediaType.APPLICATION_XML_VALUE),
                new Bad(HttpMethod.POST, "/api/auth/login", "email=x", MediaType.TEXT_PLAIN_VALUE),
                new Bad(HttpMethod.PATCH, "/api/posts", null, null),
                new Bad(HttpMethod.DELETE, "/api/posts", null, null),
                new Bad(HttpMethod.GET, "/api/posts/not-a-uuid", null, null),
                new Bad(HttpMethod.GET, "/api/posts/" + postId + "/revisions/not-a-uuid", null, null),
                new Bad(HttpMethod.GET, "/api/posts?status=LIVE", null, null),
                new Bad(HttpMethod.GET, "/api/posts?page=-1", null, null),
                new Bad(HttpMethod.GET, "/api/posts?size=100000", null, null),
                new Bad(HttpMethod.GET, "/api/posts?page=abc", null, null),
                new Bad(HttpMethod.GET, "/api/posts?author=nobody", null, null),
                new Bad(HttpMethod.GET, "/api/posts?sort=password,asc", null, null),
                new Bad(HttpMethod.GET, "/api/posts?sort=title,sideways", null, null),
                new Bad(HttpMethod.GET, "/api/users/not-a-uuid", null, null),
                new Bad(HttpMethod.GET, "/api/no-such-endpoint", null, null),
                new Bad(HttpMethod.POST, post + "/publish?version=abc", null, null),
                new Bad(HttpMethod.POST, post + "/publish", null, null),
                new Bad(HttpMethod.DELETE, post + "?version=-5", null, null)));
        return bad;
    }

    private static List<Bad> bodyAttacks(HttpMethod method, String path) {
        return Stream.of("{\"title\": ", "not json at all", "[1,2,3]", "\"a string\"", "42", "null", "",
                        "{\"title\": 12, \"body\": {\"nested\": true}, \"tags\": 5}",
                        "{\"unknownField\": \"surprise\"}", "{\"title\":\"x\"}}", "{\"title\":\"\\ud800\"}")
                .map(body -> Bad.json(method, path, body)).toList();
    }

    @Test
    void controlCharactersOtherThanTabsAndLineBreaksAreRefusedOnEveryDatabaseAndNothingIsStored() throws Exception {
        long before = postCount();
        for (String title : List.of("nul \\u0000 inside", "bell \\u0007", "escape \\u001b[31m")) {
            mvc.perform(request(HttpMethod.POST, "/api/posts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"" + title + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(postCount()).isEqualTo(before);

        mvc.perform(request(HttpMethod.POST, "/api/posts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Tabs and lines\",\"body\":\"a\\tb\\r\\nc\\nd\"}"))
                .andExpect(status().isCreated());
        assertThat(postCount()).isEqualTo(before + 1);
    }

    private long postCount() throws Exception {
        MvcResult list = mvc.perform(request(HttpMethod.GET, "/api/posts?size=1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        return json.readTree(list.getResponse().getContentAsString()).path("totalItems").asLong();
    }

    @Test
    void everyMalformedRequestGetsA4xxProblemAndNever5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Bad bad : badRequests()) {
            var builder = request(bad.method(), bad.path()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            if (bad.body() != null) {
                builder.content(bad.body());
            }
            if (bad.contentType() != null) {
                builder.contentType(bad.contentType());
            }
            MvcResult result = mvc.perform(builder).andReturn();
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString();
            String where = bad.method() + " " + bad.path() + " " + abbreviate(bad.body());
            if (status < 400 || status >= 500) {
                failures.add(where + " -> " + status + " " + abbreviate(body));
                continue;
            }
            if (!String.valueOf(result.getResponse().getContentType()).startsWith("application/problem+json")) {
                failures.add(where + " -> content type " + result.getResponse().getContentType());
                continue;
            }
            JsonNode problem = json.readTree(body);
            if (problem.get("status").asInt() != status || !problem.has("type") || !problem.has("title")) {
                failures.add(where + " -> incomplete problem " + body);
            }
            if (body.contains("Exception") || body.contains("at io.") || body.contains("tools.jackson")) {
                failures.add(where + " -> leaks internals " + body);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void oversizedBodyGets413() throws Exception {
        String huge = "{\"title\":\"" + "x".repeat(2_000_000) + "\"}";
        MvcResult result = mvc.perform(request(HttpMethod.POST, "/api/posts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(huge)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    }

    @Test
    void validationProblemsListTheFields() throws Exception {
        MvcResult result = mvc.perform(request(HttpMethod.POST, "/api/posts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"\",\"slug\":\"Bad Slug\"}")).andReturn();
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("title", "slug");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
