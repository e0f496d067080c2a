-- The request log (issue 21, docs/request-log.md): the API calls this database's nodes served
-- (swas-open, RAM, ECS), written by server.RequestLogWriter off the request's path and read by
-- ListRequestLogs (swas.requestlog.RequestLogActions). Portable SQL: the same migration runs on
-- SQLite and PostgreSQL. (V15 is intentionally unused.)
--
-- One row per account and written batch, not per call: a chunk's body holds its calls, one JSON
-- object a line, oldest first (store.RequestLogLines). A row per call cost the list benchmark a
-- durable insert on every request (docs/performance.md); a chunk is one insert a second per
-- account. Reads select the account's chunks that overlap the asked time range and filter their
-- lines in memory. first_at and last_at are the earliest and latest call in the chunk, epoch
-- milliseconds. A call whose AccessKey is unknown belongs to no account and is not kept.
CREATE TABLE request_log (
    chunk_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id  VARCHAR(16)  NOT NULL,
    first_at    BIGINT       NOT NULL,
    last_at     BIGINT       NOT NULL,
    entries     INTEGER      NOT NULL,
    body        TEXT         NOT NULL
);
CREATE INDEX request_log_by_account ON request_log (account_id, last_at);
