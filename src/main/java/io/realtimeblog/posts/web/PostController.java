package io.realtimeblog.posts.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.realtimeblog.posts.PostStatus;
import io.realtimeblog.posts.editing.PostPage;
import io.realtimeblog.posts.editing.PostProblems;
import io.realtimeblog.posts.editing.PostQuery;
import io.realtimeblog.posts.editing.PostReader;
import io.realtimeblog.posts.editing.PostService;
import io.realtimeblog.posts.editing.PostView;
import io.realtimeblog.posts.editing.RevisionSummary;
import io.realtimeblog.posts.editing.RevisionView;
import io.realtimeblog.posts.rendering.MarkdownRenderer;
import io.realtimeblog.posts.scheduling.ScheduleService;
import io.realtimeblog.users.Actor;

/**
 * The posts API. Every response that returns a post carries its version (in the body and as the ETag); every
 * write to an existing post names the version it started from (If-Match header, or the version field / query
 * parameter) and gets 409 with the current post if that version is stale.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

    private static final Set<String> SORTABLE = Set.of("title", "createdAt", "updatedAt", "publishedAt");

    private final PostService service;
    private final ScheduleService schedules;
    private final PostReader reader;
    private final MarkdownRenderer markdown;

    PostController(PostService service, ScheduleService schedules, PostReader reader, MarkdownRenderer markdown) {
        this.service = service;
        this.schedules = schedules;
        this.reader = reader;
        this.markdown = markdown;
    }

    @GetMapping
    PostPage list(@AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) PostStatus status,
            @RequestParam(required = false) UUID author,
            @RequestParam(required = false) @Size(max = 50) String tag,
            @RequestParam(defaultValue = "updatedAt,desc") String sort,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return reader.list(actor, new PostQuery(q, status, author, tag, parseSort(sort), page, size));
    }

    @GetMapping("/{id}")
    ResponseEntity<PostView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return withEtag(ResponseEntity.ok(), reader.get(actor, id));
    }

    @PostMapping
    ResponseEntity<PostView> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PostRequest request) {
        PostView post = service.create(actor, request.draft());
        return withEtag(ResponseEntity.created(URI.create("/api/posts/" + post.id())), post);
    }

    @PutMapping("/{id}")
    ResponseEntity<PostView> update(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PostRequest request) {
        long version = Versions.expected(ifMatch, request.version());
        return withEtag(ResponseEntity.ok(), service.update(actor, id, version, request.draft(), request.isAutosave()));
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<PostView> publish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @PositiveOrZero Long version) {
        return withEtag(ResponseEntity.ok(), service.publish(actor, id, Versions.expected(ifMatch, version)));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<PostView> unpublish(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @PositiveOrZero Long version) {
        return withEtag(ResponseEntity.ok(), service.unpublish(actor, id, Versions.expected(ifMatch, version)));
    }

    /**
     * Schedules the post for publication at {@code scheduledAt} (in the future). The version comes from
     * If-Match, the {@code version} query parameter or the body's {@code version} field.
     */
    @PostMapping("/{id}/schedule")
    ResponseEntity<PostView> schedule(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @PositiveOrZero Long version,
            @Valid @RequestBody ScheduleRequest request) {
        Long field = version;
        if (request.version() != null) {
            if (version != null && !version.equals(request.version())) {
                throw PostProblems.badVersion("The version parameter (" + version + ") and the body's version ("
                        + request.version() + ") disagree.");
            }
            field = request.version();
        }
        PostView post = schedules.schedule(actor, id, Versions.expected(ifMatch, field), request.scheduledAt());
        return withEtag(ResponseEntity.ok(), post);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @PositiveOrZero Long version) {
        service.delete(actor, id, Versions.expected(ifMatch, version));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/revisions")
    List<RevisionSummary> revisions(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
        return reader.revisions(actor, id);
    }

    @GetMapping("/{id}/revisions/{revisionId}")
    RevisionView revision(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable UUID revisionId) {
        return reader.revision(actor, id, revisionId);
    }

    @PostMapping("/{id}/revisions/{revisionId}/restore")
    ResponseEntity<PostView> restore(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
            @PathVariable UUID revisionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @PositiveOrZero Long version) {
        PostView post = service.restore(actor, id, revisionId, Versions.expected(ifMatch, version));
        return withEtag(ResponseEntity.ok(), post);
    }

    /** Renders Markdown exactly as the server will for readers, so the editor's preview shows the truth. */
    @PostMapping("/preview")
    Map<String, String> preview(@Valid @RequestBody PreviewRequest request) {
        return Map.of("html", markdown.render(request.body()));
    }

    private static ResponseEntity<PostView> withEtag(ResponseEntity.BodyBuilder builder, PostView post) {
        return builder.eTag(Versions.etag(post.version())).body(post);
    }

    private static Sort parseSort(String sort) {
        String[] parts = sort.split(",", -1);
        String field = parts[0].strip();
        if (!SORTABLE.contains(field) || parts.length > 2) {
            throw PostProblems.badSort("sort must be one of " + SORTABLE + ", optionally followed by ,asc or ,desc.");
        }
        Sort.Direction direction = Sort.Direction.DESC;
        if (parts.length == 2) {
            direction = Sort.Direction.fromOptionalString(parts[1].strip())
                    .orElseThrow(() -> PostProblems.badSort("sort direction must be asc or desc."));
        }
        return Sort.by(direction, field).and(Sort.by(Sort.Direction.ASC, "id"));
    }
}
