package io.realtimeblog.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** MockMvc expectations for an RFC 9457 answer as docs/rest-api.md describes it. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The status, {@code application/problem+json}, the type {@code /problems/<slug>}, and no class name in the detail. */
    public static ResultMatcher problem(int status, String slug) {
        List<ResultMatcher> expected = List.of(status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value("/problems/" + slug),
                jsonPath("$.detail").value(not(containsString("Exception"))));
        return result -> {
            for (ResultMatcher matcher : expected) {
                matcher.match(result);
            }
        };
    }
}
