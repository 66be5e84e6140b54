package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import io.realtimeblog.TestAccounts;
import io.realtimeblog.users.Role;
import tools.jackson.databind.JsonNode;

/**
 * Our own REST fuzz suite. It reads the generated OpenAPI document, so an endpoint added later is covered without
 * touching this class, and sends every operation hostile requests ({@link FuzzCases}) over a real socket to the
 * real server. Each answer must be complete (no dropped connection), never a 5xx, and every 4xx must be
 * {@code application/problem+json} naming no server internals.
 * <p>
 * Deterministic: the cases come from one seed ({@code -Dfuzz.seed=...}, default 13), and a failure prints the
 * seed and the request, so it can be replayed.
 */
@IntegrationTest
class RestFuzzTests extends AbstractIntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 13L);
    private static final int CLIENTS = 4;
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat (io|org|java|jakarta)\\.|java\\.[a-z]+\\.|org\\.(apache|springframework)|tools\\.jackson"
                    + "|Apache Tomcat|<pre>");

    @Test
    void everyOperationAnswersHostileRequestsWithA4xxProblemAndNever5xx() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        Random random = new Random(SEED);
        Map<String, String> targets = targets(accounts);
        List<FuzzCases.Case> all = new ArrayList<>();
        for (FuzzCases.Operation op : operations(api)) {
            FuzzCases cases = new FuzzCases(random, valuesFor(op.path(), targets), accounts.tokenFor(Role.ADMIN));
            all.addAll(cases.of(op, api.path("components")));
        }
        long started = System.nanoTime();
        List<String> failures = sendAll(all);
        System.out.printf("REST fuzz: %d requests to %d operations in %d ms (seed %d)%n", all.size(),
                operations(api).size(), (System.nanoTime() - started) / 1_000_000, SEED);
        int sent = all.size();
        assertThat(sent).isGreaterThan(1_000);
        assertThat(failures).as("seed %d: %d of %d requests failed", SEED, failures.size(), sent).isEmpty();
    }

    /**
     * Sends the cases from a few client threads (the server answers them concurrently, as it would real clients)
     * and lists what went wrong, in case order.
     */
    private List<String> sendAll(List<FuzzCases.Case> cases) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (FuzzCases.Case fuzz : cases) {
                answers.add(clients.submit(() -> check(fuzz)));
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                String problem = answers.get(i).get();
                if (problem != null) {
                    failures.add(problem + " <- case " + i + ", " + cases.get(i).describe());
                }
            }
            return failures;
        } finally {
            clients.shutdownNow();
        }
    }

    /** What is wrong with the answer to this request, or null. */
    private String check(FuzzCases.Case fuzz) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, fuzz.bytes());
        } catch (Exception e) {
            return "no answer (" + e.getMessage() + ")";
        }
        int status = response.status();
        if (status >= 500) {
            return status + " " + abbreviate(response.body());
        }
        if (status >= 400 && !response.contentType().startsWith("application/problem+json")) {
            return status + " as " + response.contentType() + " " + abbreviate(response.body());
        }
        if (INTERNALS.matcher(response.body()).find()) {
            return status + " names internals: " + abbreviate(response.body());
        }
        if (status >= 400) {
            JsonNode problem = json.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.path("type").asString().startsWith("/problems/")) {
                return status + " incomplete problem " + abbreviate(response.body());
            }
        }
        return null;
    }

    /** Every operation of the document, in document order. */
    private static List<FuzzCases.Operation> operations(JsonNode api) {
        List<FuzzCases.Operation> operations = new ArrayList<>();
        for (String path : api.path("paths").propertyNames()) {
            JsonNode item = api.path("paths").path(path);
            for (String method : item.propertyNames()) {
                JsonNode op = item.path(method);
                List<JsonNode> parameters = new ArrayList<>();
                op.path("parameters").forEach(parameters::add);
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new FuzzCases.Operation(method.toUpperCase(), path, parameters,
                        body.isMissingNode() ? null : body));
            }
        }
        return operations;
    }

    /** The path variables of an operation: {id} is the staff member under /api/users, else the post. */
    private static Map<String, String> valuesFor(String path, Map<String, String> targets) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", targets.get(path.startsWith("/api/users") ? "user" : "post"));
        values.put("revisionId", targets.get("revision"));
        return values;
    }

    /** Real resources to aim at: a post with a revision, a staff member (not the one sending the requests). */
    private Map<String, String> targets(TestAccounts accounts) throws Exception {
        String admin = "Bearer " + accounts.adminToken();
        String body = mvc.perform(post("/api/posts").header(HttpHeaders.AUTHORIZATION, admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Fuzz target\"}"))
                .andReturn().getResponse().getContentAsString();
        String postId = json.readTree(body).path("id").asString();
        String revisions = mvc.perform(get("/api/posts/" + postId + "/revisions")
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andReturn().getResponse().getContentAsString();
        JsonNode list = json.readTree(revisions);
        JsonNode first = list.isArray() ? list.path(0) : list.path("content").path(0);
        return Map.of("post", postId, "revision", first.path("id").asString(UUID.randomUUID().toString()),
                "user", accounts.create(Role.AUTHOR).id().toString());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
