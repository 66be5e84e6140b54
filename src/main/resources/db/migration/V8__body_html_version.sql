-- The version of the Markdown renderer and sanitiser that made each post's body_html (MarkdownRenderer.VERSION).
-- Rows stored before it was recorded are version 1; at start every instance re-renders the rows of an older
-- version in the background (BodyHtmlRefresher), so a sanitiser fix reaches every post.
ALTER TABLE posts ADD body_html_version INT DEFAULT 1 NOT NULL;
CREATE INDEX ix_posts_body_html_version ON posts (body_html_version);
