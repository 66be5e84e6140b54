package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * The API takes JSON only, over real HTTP (the container's own parsing is part of what is tested): wildcard, form,
 * multipart and other types are 415 problem+json whether or not a body comes with them, a charset other than UTF-8
 * is 415, a query string that does not decode is 400, and none of these refusals changes anything.
 */
@IntegrationTest
class ContentTypeTests extends AbstractIntegrationTest {

    private static final byte[] UNDECODABLE_FORM = {'t', 'i', 't', 'l', 'e', '=', (byte) 0xff, '%', 'z', 'z', '&',
            (byte) 0xc3, '='};

    String token;
    String postId;

    @BeforeEach
    void setUp() throws Exception {
        token = accounts.tokenFor(Role.EDITOR);
        RawHttp.Response created = send("POST", "/api/posts", "application/json", "{\"title\":\"Typed\"}");
        assertThat(created.status()).isEqualTo(201);
        postId = json.readTree(created.body()).path("id").asString();
    }

    @Test
    void wildcardContentTypesOnLoginAre415AndLogNobodyIn() throws Exception {
        String credentials = "{\"email\":\"" + TestAccounts.ADMIN_EMAIL + "\",\"password\":\""
                + TestAccounts.ADMIN_PASSWORD + "\"}";
        for (String type : new String[] {"*/*", "application/*", "*/json", "text/plain"}) {
            RawHttp.Response response = RawHttp.send(port, RawHttp.request("POST", "/api/auth/login",
                    Map.of("Content-Type", type), credentials.getBytes(StandardCharsets.UTF_8)));
            assertUnsupported(response);
            assertThat(response.header("set-cookie")).isNull();
            assertThat(response.body()).doesNotContain("accessToken");
        }
    }

    @Test
    void undecodableFormAndMultipartBodiesAre415OnEveryWriteAndChangeNothing() throws Exception {
        JsonNode before = post();
        long countBefore = postCount();
        String[] types = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "multipart/mixed"};
        for (String type : types) {
            assertUnsupported(send("POST", "/api/posts", type, UNDECODABLE_FORM));
            assertUnsupported(send("PUT", "/api/posts/" + postId, type, UNDECODABLE_FORM));
            assertUnsupported(send("POST", "/api/posts/" + postId + "/publish?version=0", type, UNDECODABLE_FORM));
            assertUnsupported(send("POST", "/api/auth/login", type, UNDECODABLE_FORM));
            assertUnsupported(send("POST", "/api/auth/refresh", type, UNDECODABLE_FORM));
        }
        assertThat(postCount()).isEqualTo(countBefore);
        assertThat(post()).isEqualTo(before);
    }

    @Test
    void aBodylessPublishWithAnOddContentTypeIs415AndLeavesTheDraft() throws Exception {
        for (String type : new String[] {"*/*", "application/*", "application/x-www-form-urlencoded", "garbage"}) {
            assertUnsupported(send("POST", "/api/posts/" + postId + "/publish", type, null, "\"0\""));
            assertUnsupported(send("POST", "/api/auth/refresh", type, null, null));
        }
        JsonNode post = post();
        assertThat(post.path("status").asString()).isEqualTo("DRAFT");
        assertThat(post.path("version").asLong()).isZero();
    }

    @Test
    void aCharsetOtherThanUtf8Is415AndUtf8IsAccepted() throws Exception {
        long countBefore = postCount();
        for (String type : new String[] {"application/json; charset=ISO-8859-1", "application/json; charset=bogus",
                "application/json; charset=utf-16"}) {
            RawHttp.Response response = send("POST", "/api/posts", type, "{\"title\":\"Latin\"}");
            assertUnsupported(response);
            assertThat(response.body()).contains("UTF-8");
        }
        assertThat(postCount()).isEqualTo(countBefore);
        assertThat(send("POST", "/api/posts", "application/json; charset=\"UTF-8\"", "{\"title\":\"Utf\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aStructuredJsonTypeIsAccepted() throws Exception {
        RawHttp.Response response = send("POST", "/api/posts/preview", "application/vnd.realtimeblog+json",
                "{\"body\":\"*hi*\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<em>hi</em>");
    }

    @Test
    void aQueryStringThatDoesNotDecodeIs400ForTheApiAndAPageOfOursForABrowser() throws Exception {
        for (String query : new String[] {"page=%zz", "q=%ff%fe", "size=%", "tag=%e2%82"}) {
            RawHttp.Response api = RawHttp.send(port, RawHttp.request("GET", "/api/posts?" + query,
                    Map.of("Authorization", "Bearer " + token), null));
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(json.readTree(api.body()).path("type").asString()).isEqualTo("/problems/malformed-query");

            RawHttp.Response page = RawHttp.send(port, RawHttp.request("GET", "/?" + query,
                    Map.of("Accept", "text/html"), null));
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<h1>Bad Request</h1>").doesNotContain("Tomcat", "Exception");
        }
    }

    private void assertUnsupported(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/unsupported-media-type");
        assertThat(problem.path("status").asInt()).isEqualTo(415);
    }

    private JsonNode post() throws Exception {
        RawHttp.Response response = send("GET", "/api/posts/" + postId, null, (byte[]) null);
        return json.readTree(response.body());
    }

    private long postCount() throws Exception {
        RawHttp.Response response = send("GET", "/api/posts?size=1", null, (byte[]) null);
        return json.readTree(response.body()).path("totalItems").asLong();
    }

    private RawHttp.Response send(String method, String path, String type, String body) throws Exception {
        return send(method, path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response send(String method, String path, String type, byte[] body) throws Exception {
        return send(method, path, type, body, null);
    }

    private RawHttp.Response send(String method, String path, String type, byte[] body, String ifMatch)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (type != null) {
            headers.put("Content-Type", type);
        }
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return RawHttp.send(port, RawHttp.request(method, path, headers, body));
    }
}
