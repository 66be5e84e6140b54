-- Slugs stop being a draft oracle. posts.slug is now unique only among the posts one user may see (checked by
-- the application, see PostSlugs), so it loses its unique constraint; the public URL's slug is public_slug,
-- set while a post is PUBLISHED (else NULL) and unique among published posts. NULLs do not clash in a UNIQUE
-- constraint on H2, MySQL/MariaDB and PostgreSQL alike.
ALTER TABLE posts DROP CONSTRAINT uk_posts_slug;
CREATE INDEX ix_posts_slug ON posts (slug);
ALTER TABLE posts ADD public_slug VARCHAR(200) NULL;
UPDATE posts SET public_slug = slug WHERE status = 'PUBLISHED';
ALTER TABLE posts ADD CONSTRAINT uk_posts_public_slug UNIQUE (public_slug);
