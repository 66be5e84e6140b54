package io.realtimeblog.posts.editing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostStatus;

/** A revision in full: the content of the post as that save left it. */
public record RevisionView(UUID id, long version, String action, List<String> changedFields, PersonRef editor,
        Instant createdAt, String title, String slug, String excerpt, String body, List<String> tags,
        PostStatus status) {

    static RevisionView of(PostRevision revision) {
        PostContent content = revision.content();
        return new RevisionView(revision.getId(), revision.getPostVersion(), revision.getAction().name(),
                revision.changedFieldList(), new PersonRef(revision.getEditorId(), revision.getEditorName()),
                revision.getCreatedAt(), content.title(), content.slug(), content.excerpt(), content.body(),
                content.tags(), revision.getStatus());
    }
}
