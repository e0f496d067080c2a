-- Firewall templates (swas.firewall.templates) and console access (swas.console), mapped by
-- store.Table. Portable SQL: the same migration runs on SQLite and PostgreSQL. console_keys holds
-- the HMAC key of console-session tokens, shared by every node over one database; it is made by
-- the first node that starts (ConsoleTokens.ensureKey), not here, so that a migrated database
-- stays empty for `swasd admin import`.
--
-- A template's rules are unique by protocol, port and source (FirewallRuleAlreadyExist). An apply
-- task (aft-) moves Running -> Success | Failed | PartFailed over the state delay (status,
-- next_status, next_at as every transition table); its per-server and per-rule outcomes are
-- written when it is made and keep the template's rules as they were then, so changing or
-- deleting the template later changes neither the servers nor the results (no foreign key to
-- the template). instance_id of a result is whatever the caller named, existing or not.
-- instance_consoles: whether a server password or a VNC password was ever set. Times are epoch ms.
CREATE TABLE firewall_templates (
    template_id  VARCHAR(32)  PRIMARY KEY,
    account_id   VARCHAR(16)  NOT NULL,
    region_id    VARCHAR(64)  NOT NULL,
    name         VARCHAR(128) NOT NULL,
    description  VARCHAR(512),
    created_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX firewall_templates_owner ON firewall_templates (account_id, region_id, created_at);
CREATE TABLE firewall_template_rules (
    rule_id        VARCHAR(32)  PRIMARY KEY,
    template_id    VARCHAR(32)  NOT NULL REFERENCES firewall_templates (template_id),
    rule_protocol  VARCHAR(8)   NOT NULL,
    port           VARCHAR(16)  NOT NULL,
    source_cidr_ip VARCHAR(64)  NOT NULL,
    remark         VARCHAR(256),
    seq            BIGINT       NOT NULL,
    created_at     BIGINT       NOT NULL
);
CREATE UNIQUE INDEX firewall_template_rules_unique
    ON firewall_template_rules (template_id, rule_protocol, port, source_cidr_ip);
CREATE TABLE firewall_template_tasks (
    task_id      VARCHAR(32)  PRIMARY KEY,
    account_id   VARCHAR(16)  NOT NULL,
    region_id    VARCHAR(64)  NOT NULL,
    template_id  VARCHAR(32)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    next_status  VARCHAR(16),
    next_at      BIGINT,
    total_count  INTEGER      NOT NULL,
    failed_count INTEGER      NOT NULL,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX firewall_template_tasks_owner ON firewall_template_tasks (account_id, region_id, created_at);
CREATE INDEX firewall_template_tasks_pending ON firewall_template_tasks (next_at) WHERE next_at IS NOT NULL;
CREATE TABLE firewall_template_task_servers (
    result_id    VARCHAR(48)  PRIMARY KEY,
    task_id      VARCHAR(32)  NOT NULL REFERENCES firewall_template_tasks (task_id),
    instance_id  TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    seq          INTEGER      NOT NULL
);
CREATE INDEX firewall_template_task_servers_task ON firewall_template_task_servers (task_id, seq);
CREATE TABLE firewall_template_task_rules (
    result_id      VARCHAR(64)  PRIMARY KEY,
    task_id        VARCHAR(32)  NOT NULL REFERENCES firewall_template_tasks (task_id),
    server_seq     INTEGER      NOT NULL,
    seq            INTEGER      NOT NULL,
    rule_protocol  VARCHAR(8)   NOT NULL,
    port           VARCHAR(16)  NOT NULL,
    source_cidr_ip VARCHAR(64)  NOT NULL,
    remark         VARCHAR(256),
    success        INTEGER      NOT NULL,
    error_code     VARCHAR(64),
    error_info     VARCHAR(256)
);
CREATE INDEX firewall_template_task_rules_task ON firewall_template_task_rules (task_id, server_seq, seq);
CREATE TABLE instance_consoles (
    instance_id      VARCHAR(32) PRIMARY KEY REFERENCES instances (instance_id),
    password_set     INTEGER     NOT NULL,
    vnc_password_set INTEGER     NOT NULL,
    updated_at       BIGINT      NOT NULL,
    version          BIGINT      NOT NULL
);
CREATE TABLE console_keys (
    key_id INTEGER     PRIMARY KEY,
    secret VARCHAR(64) NOT NULL
);
