-- Scheduled publishing: the state of the scheduler's attempts on a SCHEDULED post (see ScheduledPublisher).
-- schedule_attempts counts failed publish attempts; schedule_retry_at is the earliest time of the next one
-- (back-off); schedule_failed is set once the attempts are used up (the post stays SCHEDULED and staff see it);
-- schedule_error is the last failure's message. All are cleared when the post is scheduled again, published or
-- returned to draft. One ADD per statement: the form H2, MySQL/MariaDB and PostgreSQL all accept.
ALTER TABLE posts ADD schedule_attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE posts ADD schedule_failed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE posts ADD schedule_retry_at ${timestamp} NULL;
ALTER TABLE posts ADD schedule_error VARCHAR(1000) NULL;
-- The scheduler's query: SCHEDULED posts whose time has come.
CREATE INDEX ix_posts_status_scheduled ON posts (status, scheduled_at);
