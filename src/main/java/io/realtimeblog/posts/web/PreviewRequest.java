package io.realtimeblog.posts.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Markdown to render as readers would see it. */
record PreviewRequest(@NotNull @Size(max = 100_000) String body) {
}
