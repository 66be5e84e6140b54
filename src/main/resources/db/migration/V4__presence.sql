-- Presence: one lease per (socket, post) that a staff client holds while its editor is open ("Ana is editing").
-- Any instance can list the current editors and expire the leases of an instance that died; see
-- realtime/presence/PresenceLeases. A lease is live while expires_at is in the future (UTC).
-- session_id is the WebSocket session's id on its instance; instance_name names the instance holding the socket.
CREATE TABLE presence_leases (
    instance_name VARCHAR(100) NOT NULL,
    session_id    VARCHAR(100) NOT NULL,
    post_id       VARCHAR(36)  NOT NULL,
    user_id       VARCHAR(36)  NOT NULL,
    user_name     VARCHAR(100) NOT NULL,
    expires_at    ${timestamp} NOT NULL,
    PRIMARY KEY (instance_name, session_id, post_id)
);
-- "Has this user another live lease on this post?" after a lease ends.
CREATE INDEX ix_presence_leases_post_user ON presence_leases (post_id, user_id);
-- The sweeper's query: leases whose time has passed.
CREATE INDEX ix_presence_leases_expires ON presence_leases (expires_at);
