-- Lightweight database instances (swas.databases.DatabaseActions, mapped by store.Table). Portable
-- SQL: the same migration runs on SQLite and PostgreSQL. swas-open has no action that creates one,
-- so rows are seeded (swasd admin database create, POST /_swasd/seed/database). A row carries a
-- Transition (status, next_status, next_at) that the scheduler settles: Starting -> Running,
-- Stopping -> Stopped, Restarting -> Running over the state delay. public_connection is the address
-- AllocatePublicConnection gave (NULL when none); password_set_at when ResetDatabaseAccountPassword
-- last set the super account's password (the password itself is never kept). Times are epoch ms.
CREATE TABLE database_instances (
    database_instance_id VARCHAR(64)  PRIMARY KEY,
    account_id           VARCHAR(16)  NOT NULL,
    region_id            VARCHAR(64)  NOT NULL,
    description          VARCHAR(256),
    edition              VARCHAR(32)  NOT NULL,
    database_version     VARCHAR(8)   NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    next_status          VARCHAR(16),
    next_at              BIGINT,
    created_at           BIGINT       NOT NULL,
    expires_at           BIGINT       NOT NULL,
    public_connection    VARCHAR(128),
    password_set_at      BIGINT,
    version              BIGINT       NOT NULL
);
CREATE INDEX database_instances_owner ON database_instances (account_id, region_id, created_at);
CREATE INDEX database_instances_pending ON database_instances (next_at) WHERE next_at IS NOT NULL;
-- A database instance's parameters that differ from their defaults (ModifyDatabaseInstanceParameter);
-- the parameter set and its defaults are code (swas.databases.MysqlParameters), per MySQL version.
-- parameter_key is "<instance id>/<parameter name>" (store.Table keys a row by one column).
CREATE TABLE database_parameters (
    parameter_key        VARCHAR(160) PRIMARY KEY,
    database_instance_id VARCHAR(64)  NOT NULL REFERENCES database_instances (database_instance_id),
    parameter_name       VARCHAR(64)  NOT NULL,
    parameter_value      VARCHAR(256) NOT NULL
);
CREATE INDEX database_parameters_instance ON database_parameters (database_instance_id);
