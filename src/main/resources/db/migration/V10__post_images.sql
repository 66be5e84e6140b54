-- A post's cover image (docs/media.md, "Posts use images"): an image of the media library and the post's alt text
-- for it. Revisions keep it, so restoring a revision brings its cover back.
ALTER TABLE posts ADD feature_image_id VARCHAR(36) NULL;
ALTER TABLE posts ADD feature_image_alt VARCHAR(500) NULL;
ALTER TABLE post_revisions ADD feature_image_id VARCHAR(36) NULL;
ALTER TABLE post_revisions ADD feature_image_alt VARCHAR(500) NULL;
