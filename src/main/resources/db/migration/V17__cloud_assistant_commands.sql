-- Cloud Assistant commands and invocations (swas.commands.CommandActions, mapped by store.Table).
-- Portable SQL: the same migration runs on SQLite and PostgreSQL.
--
-- commands: the commands CreateCommand made (c-); content as the caller gave it (plain text).
-- command_invocations: one row per RunCommand or InvokeCommand (t-), with a copy of the command as
-- it was run (name, type, content with custom parameters filled in, timeout, working directory), so
-- that changing or deleting the command later changes no record. command_invocation_servers: one
-- row per server of an invocation; its status follows the clock, decided when the row was made:
-- Pending until start_at, Running until finish_at, then final_status (Success, Failed, Error,
-- Timeout, Invalid). Records are kept two weeks and at most 100,000 per account and region, the
-- oldest dropped first (created_at). command_outcome_rules: the seeded scripted outcomes (POST
-- /_swasd/seed/command-outcomes), tried in seq order; rules given at start are not stored here. Times are epoch ms.
CREATE TABLE commands (
    command_id        VARCHAR(32)  PRIMARY KEY,
    account_id        VARCHAR(16)  NOT NULL,
    region_id         VARCHAR(64)  NOT NULL,
    name              VARCHAR(128) NOT NULL,
    description       VARCHAR(512),
    command_type      VARCHAR(32)  NOT NULL,
    command_content   TEXT         NOT NULL,
    enable_parameter  INTEGER      NOT NULL,
    timeout_seconds   BIGINT       NOT NULL,
    working_dir       VARCHAR(200),
    resource_group_id VARCHAR(64),
    created_at        BIGINT       NOT NULL,
    version           BIGINT       NOT NULL
);
CREATE INDEX commands_owner ON commands (account_id, region_id, created_at);
CREATE TABLE command_invocations (
    invoke_id           VARCHAR(32)  PRIMARY KEY,
    account_id          VARCHAR(16)  NOT NULL,
    region_id           VARCHAR(64)  NOT NULL,
    command_id          VARCHAR(32)  NOT NULL,
    command_name        VARCHAR(128) NOT NULL,
    command_description VARCHAR(512),
    command_type        VARCHAR(32)  NOT NULL,
    command_content     TEXT         NOT NULL,
    parameters          TEXT,
    timeout_seconds     BIGINT       NOT NULL,
    working_dir         VARCHAR(200),
    username            VARCHAR(255),
    created_at          BIGINT       NOT NULL
);
CREATE INDEX command_invocations_owner ON command_invocations (account_id, region_id, created_at);
CREATE TABLE command_invocation_servers (
    result_id    VARCHAR(80)  PRIMARY KEY,
    invoke_id    VARCHAR(32)  NOT NULL REFERENCES command_invocations (invoke_id),
    instance_id  VARCHAR(64)  NOT NULL,
    seq          INTEGER      NOT NULL,
    start_at     BIGINT       NOT NULL,
    finish_at    BIGINT       NOT NULL,
    final_status VARCHAR(16)  NOT NULL,
    exit_code    BIGINT,
    output       TEXT,
    error_code   VARCHAR(64),
    error_info   VARCHAR(256)
);
CREATE INDEX command_invocation_servers_invoke ON command_invocation_servers (invoke_id, seq);
CREATE INDEX command_invocation_servers_instance ON command_invocation_servers (instance_id);
CREATE TABLE command_outcome_rules (
    rule_id          VARCHAR(16)  PRIMARY KEY,
    seq              INTEGER      NOT NULL,
    match_kind       VARCHAR(16)  NOT NULL,
    pattern          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    exit_code        BIGINT,
    output           TEXT,
    duration_seconds BIGINT,
    error_code       VARCHAR(64),
    error_info       VARCHAR(256)
);
