-- The request log (issue 21, docs/request-log.md): one row per API call this database's nodes
-- served (swas-open, RAM, ECS), written in batches by server.RequestLogWriter off the request's
-- path, read by ListRequestLogs (swas.requestlog.RequestLogActions, mapped by store.Table) and
-- purged after --request-log-days. Portable SQL: the same migration runs on SQLite and PostgreSQL.
-- (V15 is intentionally unused; V17 and V18 belong to other branches.)
--
-- A call whose AccessKey is unknown belongs to no account and is not kept. parameters is the JSON
-- text of the action's own parameters, secrets already masked. code and message are '' for a call
-- that succeeded. logged_at is epoch milliseconds. One index only, on what every read and purge
-- names (an account and a time range): each index is paid for on every request the node serves,
-- and request_id is a key for store.Table, not a constraint the batches would pay for.
CREATE TABLE request_log (
    request_id      VARCHAR(64)   NOT NULL,
    account_id      VARCHAR(16)   NOT NULL,
    logged_at       BIGINT        NOT NULL,
    product         VARCHAR(16)   NOT NULL,
    action          VARCHAR(128)  NOT NULL,
    api_version     VARCHAR(32)   NOT NULL,
    principal       VARCHAR(200)  NOT NULL,
    user_name       VARCHAR(128)  NOT NULL,
    access_key_id   VARCHAR(128)  NOT NULL,
    source_ip       VARCHAR(64)   NOT NULL,
    parameters      TEXT          NOT NULL,
    http_status     INTEGER       NOT NULL,
    code            VARCHAR(128)  NOT NULL,
    message         TEXT          NOT NULL,
    latency_micros  BIGINT        NOT NULL
);
CREATE INDEX request_log_by_account ON request_log (account_id, logged_at);
