package io.realtimeblog.posts;

import java.util.UUID;

/** A staff member as other screens show them: id and display name (a post's author, an event's actor). */
public record PersonRef(UUID id, String name) {
}
