-- Portable SQL: the same migration runs on SQLite and PostgreSQL.
CREATE TABLE accounts (
    account_id  VARCHAR(16) PRIMARY KEY,
    created_at  BIGINT      NOT NULL
);

-- Root keys have user_name NULL. Secrets are stored encrypted (see docs/identity.md).
CREATE TABLE access_keys (
    access_key_id  VARCHAR(64)  PRIMARY KEY,
    account_id     VARCHAR(16)  NOT NULL REFERENCES accounts (account_id),
    user_name      VARCHAR(64),
    secret_cipher  VARCHAR(512) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    security_token VARCHAR(2048),
    expires_at     BIGINT,
    created_at     BIGINT       NOT NULL
);
CREATE INDEX access_keys_account ON access_keys (account_id, user_name);

-- SignatureNonce values spent per AccessKeyId; shared by every node on the database.
CREATE TABLE nonces (
    access_key_id VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(256) NOT NULL,
    seen_at       BIGINT       NOT NULL,
    PRIMARY KEY (access_key_id, nonce)
);
CREATE INDEX nonces_seen_at ON nonces (seen_at);
