-- Spent nonces become an append-only log in the order claims were decided (NonceRepository):
-- a batch of claims appends at the end of it instead of writing a random page of a unique index
-- per nonce. Whether a nonce is spent is decided in memory, against what the log says.
CREATE TABLE nonce_log (
    seq           BIGSERIAL    PRIMARY KEY,
    access_key_id VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(256) NOT NULL,
    seen_at       BIGINT       NOT NULL
);
CREATE INDEX nonce_log_seen_at ON nonce_log (seen_at);
INSERT INTO nonce_log (access_key_id, nonce, seen_at) SELECT access_key_id, nonce, seen_at FROM nonces ORDER BY seen_at;
DROP TABLE nonces;
