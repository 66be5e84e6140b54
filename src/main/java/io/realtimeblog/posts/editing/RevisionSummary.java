package io.realtimeblog.posts.editing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.realtimeblog.posts.PersonRef;
import io.realtimeblog.posts.PostStatus;

/** One entry of a post's history: who saved which version, when, and which fields the save changed. */
public record RevisionSummary(UUID id, long version, String action, List<String> changedFields, PersonRef editor,
        Instant createdAt, String title, PostStatus status) {

    static RevisionSummary of(PostRevision revision) {
        return new RevisionSummary(revision.getId(), revision.getPostVersion(), revision.getAction().name(),
                revision.changedFieldList(), new PersonRef(revision.getEditorId(), revision.getEditorName()),
                revision.getCreatedAt(), revision.getTitle(), revision.getStatus());
    }
}
