package io.realtimeblog.auth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.realtimeblog.IntegrationTest;

@IntegrationTest
class SecurityRulesTests {

    @Autowired
    MockMvc mockMvc;

    @Test
    void healthAndApiDocsAreOpen() throws Exception {
        mockMvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mockMvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mockMvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }

    @Test
    void everyOtherApiPathNeedsAToken() throws Exception {
        mockMvc.perform(get("/api/anything-not-yet-written"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        mockMvc.perform(post("/api/auth/other")).andExpect(status().isUnauthorized());
    }

    @Test
    void pathsOutsideTheApiAreLeftToTheirOwnChecks() throws Exception {
        mockMvc.perform(get("/some/public/page")).andExpect(status().isNotFound());
    }
}
