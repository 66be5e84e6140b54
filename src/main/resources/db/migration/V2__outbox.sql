-- Transactional outbox: one row per post change, written in the change's transaction, relayed to Kafka.
CREATE TABLE outbox_events (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    post_id      VARCHAR(36)  NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    post_version BIGINT       NOT NULL,
    payload      ${long_text} NOT NULL,
    created_at   ${timestamp} NOT NULL,
    sent_at      ${timestamp} NULL,
    attempts     INT          NOT NULL
);
-- The relay reads unsent rows oldest first; the purge deletes sent rows past their retention.
CREATE INDEX ix_outbox_events_unsent ON outbox_events (sent_at, created_at);

-- One row per lease; the instance whose lease is current runs the relay (see OutboxLease).
CREATE TABLE outbox_lease (
    name       VARCHAR(50)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(100) NOT NULL,
    expires_at ${timestamp} NOT NULL
);
INSERT INTO outbox_lease (name, holder, expires_at) VALUES ('relay', '', TIMESTAMP '2000-01-01 00:00:00');
