package io.realtimeblog.posts.editing;

import java.util.UUID;

import org.springframework.data.domain.Sort;

import io.realtimeblog.posts.PostStatus;

/** What a post list asks for: optional text, status, author and tag filters, a sort and a page. */
public record PostQuery(String text, PostStatus status, UUID authorId, String tag, Sort sort, int page, int size) {
}
