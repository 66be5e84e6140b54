package io.realtimeblog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.realtimeblog.AbstractIntegrationTest;
import io.realtimeblog.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document is generated from the code; the build keeps the copy in docs/ current. */
@IntegrationTest
class OpenApiDocumentTests extends AbstractIntegrationTest {

    @Test
    void servesTheDocumentAndSwaggerUiAnonymouslyAndWritesTheCopyInDocs() throws Exception {
        String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        JsonNode api = json.readTree(document);
        assertThat(api.get("paths").propertyNames()).contains("/api/posts", "/api/posts/{id}",
                "/api/posts/{id}/publish", "/api/posts/{id}/unpublish", "/api/posts/{id}/revisions",
                "/api/auth/login", "/api/auth/refresh", "/api/auth/logout", "/api/users", "/api/status");
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);

        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(api) + "\n";
        Path copy = Path.of("docs/openapi.json");
        if (Files.isDirectory(copy.getParent())) {
            Files.writeString(copy, pretty, StandardCharsets.UTF_8);
        }
    }
}
