package io.realtimeblog.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;

@IntegrationTest
class SecurityRulesTests extends AbstractIntegrationTest {

    @Test
    void healthAndApiDocsAreOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }

    @Test
    void everyOtherApiPathNeedsAToken() throws Exception {
        mvc.perform(get("/api/anything-not-yet-written"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        mvc.perform(post("/api/auth/other")).andExpect(status().isUnauthorized());
    }

    @Test
    void pathsOutsideTheApiAreLeftToTheirOwnChecks() throws Exception {
        mvc.perform(get("/some/public/page")).andExpect(status().isNotFound());
    }
}
