package io.realtimeblog.posts.web;

import static io.realtimeblog.web.ProblemResponses.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.realtimeblog.auth.SliceSecurity;
import io.realtimeblog.posts.editing.PostProblems;
import io.realtimeblog.posts.editing.PostReader;
import io.realtimeblog.posts.editing.PostService;
import io.realtimeblog.posts.rendering.MarkdownRenderer;
import io.realtimeblog.posts.scheduling.ScheduleService;
import io.realtimeblog.users.Role;

/**
 * How the posts API answers requests it cannot take: problem+json with the documented {@code type}s
 * (docs/rest-api.md, Errors), the services mocked, and a refused request never reaches them. The same requests
 * through the real services are PostApiTests, MalformedInputTests and ContentTypeTests.
 */
@WebMvcTest(PostController.class)
@Import(SliceSecurity.class)
class PostControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PostService service;

    @MockitoBean
    ScheduleService schedules;

    @MockitoBean
    PostReader reader;

    @MockitoBean
    MarkdownRenderer markdown;

    @Test
    void aBodyThatIsNotJsonIsMalformedAndNothingIsCreated() throws Exception {
        asEditor(post("/api/posts"), "{\"title\": \"Unfinished").andExpect(problem(400, "malformed-body"));
        verifyNoInteractions(service);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsJsonPath() throws Exception {
        asEditor(post("/api/posts"), "{\"title\": \"Tags\", \"tags\": [{}]}")
                .andExpect(problem(400, "malformed-body"))
                .andExpect(jsonPath("$.detail").value("Field tags[0] has a value of the wrong type or format."));
        verifyNoInteractions(service);
    }

    @Test
    void aControlCharacterInAStringIsMalformed() throws Exception {
        asEditor(post("/api/posts"), "{\"title\": \"Bell \\u0007\"}").andExpect(problem(400, "malformed-body"));
        verifyNoInteractions(service);
    }

    @Test
    void aContentTypeOtherThanJsonIsUnsupportedAndNothingIsCreated() throws Exception {
        mvc.perform(post("/api/posts").header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.EDITOR))
                .contentType(MediaType.TEXT_PLAIN).content("title=Plain"))
                .andExpect(problem(415, "unsupported-media-type"));
        verifyNoInteractions(service);
    }

    @Test
    void invalidFieldsAreListedByNameAndNothingIsCreated() throws Exception {
        asEditor(post("/api/posts"), "{\"title\": \"" + "x".repeat(301) + "\", \"slug\": \"Not A Slug\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("title", "slug")));
        verifyNoInteractions(service);
    }

    @Test
    void aWriteWithoutAVersionIsRefusedBeforeTheService() throws Exception {
        asEditor(put("/api/posts/{id}", UUID.randomUUID()), "{\"title\": \"No version\"}")
                .andExpect(problem(428, "version-required"));
        verifyNoInteractions(service);
    }

    @Test
    void anIfMatchThatIsNotAVersionIsABadVersion() throws Exception {
        asEditor(put("/api/posts/{id}", UUID.randomUUID()).header(HttpHeaders.IF_MATCH, "\"seven\""),
                "{\"title\": \"Odd version\"}").andExpect(problem(400, "bad-version"));
        verifyNoInteractions(service);
    }

    @Test
    void anUnknownSortFieldIsABadSort() throws Exception {
        asEditor(get("/api/posts").param("sort", "passwordHash,asc"), null).andExpect(problem(400, "bad-sort"));
        verifyNoInteractions(reader);
    }

    @Test
    void aPageSizeOverTheLimitIsAValidationProblem() throws Exception {
        asEditor(get("/api/posts").param("size", "101"), null).andExpect(problem(400, "validation"));
        verifyNoInteractions(reader);
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequest() throws Exception {
        asEditor(get("/api/posts/{id}", "not-a-uuid"), null).andExpect(problem(400, "bad-request"));
        verifyNoInteractions(reader);
    }

    @Test
    void aProblemTheServiceRaisesKeepsItsStatusAndType() throws Exception {
        UUID id = UUID.randomUUID();
        when(service.publish(SliceSecurity.actor(Role.EDITOR), id, 3)).thenThrow(PostProblems.notFound(id));

        asEditor(post("/api/posts/{id}/publish", id).header(HttpHeaders.IF_MATCH, "\"3\""), null)
                .andExpect(problem(404, "post-not-found"));
    }

    @Test
    void withoutATokenTheApiAnswersUnauthorizedAndCallsNothing() throws Exception {
        mvc.perform(post("/api/posts").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"No token\"}"))
                .andExpect(problem(401, "unauthorized"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        verifyNoInteractions(service);
    }

    /** The request as an editor would send it, with a JSON body when {@code json} is not null. */
    private ResultActions asEditor(MockHttpServletRequestBuilder request, String json) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, SliceSecurity.bearer(Role.EDITOR));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
