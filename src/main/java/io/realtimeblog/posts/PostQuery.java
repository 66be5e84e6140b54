package io.realtimeblog.posts;

import java.util.UUID;

import org.springframework.data.domain.Sort;

/** What a post list asks for: optional text, status, author and tag filters, a sort and a page. */
record PostQuery(String text, PostStatus status, UUID authorId, String tag, Sort sort, int page, int size) {
}
