-- Images (docs/media.md). One row per upload, one per rendition; the bytes live in the configured MediaStore
-- (blog.media.storage), in media_blobs when it is the database. ${binary} is BLOB on H2, LONGBLOB on
-- MySQL/MariaDB (whose BLOB holds only 64 KiB) and BYTEA on PostgreSQL (DatabaseConfiguration).

CREATE TABLE media (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    uploaded_by  VARCHAR(36)  NOT NULL,
    alt          VARCHAR(500) NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    bytes        BIGINT       NOT NULL,
    created_at   ${timestamp} NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT fk_media_uploader FOREIGN KEY (uploaded_by) REFERENCES users (id)
);
-- The library lists newest first, all of it or one uploader's.
CREATE INDEX ix_media_created ON media (created_at, id);
CREATE INDEX ix_media_uploader ON media (uploaded_by, created_at);

CREATE TABLE media_renditions (
    media_id     VARCHAR(36)  NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    bytes        BIGINT       NOT NULL,
    etag         VARCHAR(80)  NOT NULL,
    storage_key  VARCHAR(200) NOT NULL,
    PRIMARY KEY (media_id, width),
    CONSTRAINT fk_media_renditions_media FOREIGN KEY (media_id) REFERENCES media (id) ON DELETE CASCADE
);

-- Which posts use which image (a cover or a Markdown image), kept by the media module from the posts' events.
CREATE TABLE media_usage (
    media_id   VARCHAR(36)  NOT NULL,
    post_id    VARCHAR(36)  NOT NULL,
    post_title VARCHAR(300) NOT NULL,
    PRIMARY KEY (media_id, post_id)
);
CREATE INDEX ix_media_usage_post ON media_usage (post_id);

-- The bytes of the database MediaStore (blog.media.storage=database, the default), in chunks of at most 1 MiB so
-- that no statement exceeds MariaDB's max_allowed_packet (16 MiB by default) whatever the rendition's size.
CREATE TABLE media_blobs (
    storage_key  VARCHAR(200) NOT NULL,
    chunk        INT          NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      ${binary}    NOT NULL,
    PRIMARY KEY (storage_key, chunk)
);
