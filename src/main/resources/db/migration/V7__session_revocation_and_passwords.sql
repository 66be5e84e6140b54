-- Sessions that end when they should, and passwords that can be changed (issue 19).
-- tokens_valid_after: access tokens of this user issued before this instant are refused (set when the account is
-- disabled or its password is reset), so re-enabling an account does not bring its old tokens back.
-- password_change_required: set by an administrator's reset; the user must choose a new password before anything else.
ALTER TABLE users ADD tokens_valid_after ${timestamp} NULL;
ALTER TABLE users ADD password_change_required BOOLEAN DEFAULT FALSE NOT NULL;

-- The access-token deny list, shared by every instance. token_id is a token's jti, or the session id (sid claim,
-- the refresh-token family) that revokes every access token of one login. A row lives as long as the tokens it
-- refuses could; expired rows are purged.
CREATE TABLE revoked_access_tokens (
    token_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    expires_at ${timestamp} NOT NULL
);
CREATE INDEX ix_revoked_access_tokens_expires ON revoked_access_tokens (expires_at);
