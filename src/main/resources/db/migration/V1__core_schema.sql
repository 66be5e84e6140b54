-- Core schema: staff accounts, authentication state, posts and their revisions.
-- Runs unchanged on H2, MySQL/MariaDB and PostgreSQL. Two types differ by database (DatabaseConfiguration):
-- ${long_text} is TEXT, or MEDIUMTEXT on MySQL/MariaDB (whose TEXT holds only 64 KiB); ${timestamp} is
-- TIMESTAMP(6), or DATETIME(6) on MySQL/MariaDB (whose TIMESTAMP ends in 2038). Times are stored as UTC.
-- Ids are UUID strings so that any instance can create rows without a shared sequence.

CREATE TABLE users (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    ${timestamp} NOT NULL,
    updated_at    ${timestamp} NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uk_users_email UNIQUE (email)
);

CREATE TABLE refresh_tokens (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    family_id   VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  ${timestamp} NOT NULL,
    expires_at  ${timestamp} NOT NULL,
    used_at     ${timestamp} NULL,
    revoked_at  ${timestamp} NULL,
    CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE login_failures (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_key VARCHAR(320) NOT NULL,
    client_key  VARCHAR(64)  NOT NULL,
    failed_at   ${timestamp} NOT NULL
);
CREATE INDEX ix_login_failures_account ON login_failures (account_key, failed_at);
CREATE INDEX ix_login_failures_client ON login_failures (client_key, failed_at);

CREATE TABLE posts (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    title        VARCHAR(300)  NOT NULL,
    slug         VARCHAR(200)  NOT NULL,
    excerpt      VARCHAR(1000) NOT NULL,
    body         ${long_text}  NOT NULL,
    body_html    ${long_text}  NOT NULL,
    author_id    VARCHAR(36)   NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    published_at ${timestamp}  NULL,
    scheduled_at ${timestamp}  NULL,
    created_at   ${timestamp}  NOT NULL,
    updated_at   ${timestamp}  NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT uk_posts_slug UNIQUE (slug),
    CONSTRAINT fk_posts_author FOREIGN KEY (author_id) REFERENCES users (id)
);
CREATE INDEX ix_posts_status_updated ON posts (status, updated_at);
CREATE INDEX ix_posts_author ON posts (author_id);

CREATE TABLE post_tags (
    post_id VARCHAR(36) NOT NULL,
    tag     VARCHAR(50) NOT NULL,
    PRIMARY KEY (post_id, tag),
    CONSTRAINT fk_post_tags_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_tags_tag ON post_tags (tag);

CREATE TABLE post_revisions (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    post_id        VARCHAR(36)   NOT NULL,
    post_version   BIGINT        NOT NULL,
    action         VARCHAR(20)   NOT NULL,
    changed_fields VARCHAR(200)  NOT NULL,
    editor_id      VARCHAR(36)   NOT NULL,
    editor_name    VARCHAR(100)  NOT NULL,
    created_at     ${timestamp}  NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    slug           VARCHAR(200)  NOT NULL,
    excerpt        VARCHAR(1000) NOT NULL,
    body           ${long_text}  NOT NULL,
    tags           VARCHAR(2000) NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    CONSTRAINT uk_post_revisions_version UNIQUE (post_id, post_version),
    CONSTRAINT fk_post_revisions_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
