-- Account key pairs and the one key pair slot of each server (swas.keypairs.KeyPairActions,
-- mapped by store.Table). Portable SQL: the same migration runs on SQLite and PostgreSQL.
-- Only the public key is kept (OpenSSH form, without a comment); the private key of
-- CreateKeyPair / CreateInstanceKeyPair is returned once and never stored. A name is unique per
-- account and region (KeyPair.AlreadyExist); the index backs the check against two writers racing.
-- A server holds at most one pair: instance_key_pairs is keyed by the server, so attaching
-- another pair replaces the row. Times are epoch milliseconds.
CREATE TABLE key_pairs (
    key_pair_id   VARCHAR(32)  PRIMARY KEY,
    account_id    VARCHAR(16)  NOT NULL,
    region_id     VARCHAR(64)  NOT NULL,
    key_pair_name VARCHAR(64)  NOT NULL,
    key_type      VARCHAR(32)  NOT NULL,
    public_key    TEXT         NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE UNIQUE INDEX key_pairs_name ON key_pairs (account_id, region_id, key_pair_name);

CREATE TABLE instance_key_pairs (
    instance_id   VARCHAR(32)  PRIMARY KEY REFERENCES instances (instance_id),
    key_pair_id   VARCHAR(32)  NOT NULL REFERENCES key_pairs (key_pair_id),
    account_id    VARCHAR(16)  NOT NULL,
    region_id     VARCHAR(64)  NOT NULL,
    attached_at   BIGINT       NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX instance_key_pairs_pair ON instance_key_pairs (key_pair_id);
