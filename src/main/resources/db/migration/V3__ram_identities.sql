-- RAM identities of an account: users, groups, memberships, custom policies with versions, and
-- policy attachments. Portable SQL: the same migration runs on SQLite and PostgreSQL. Times are
-- epoch milliseconds. Names are unique per account without regard to case (the *_key columns
-- hold the lower-cased name) and keep the case they were given. AccessKeys of users live in
-- access_keys (V1) with user_name set.

CREATE TABLE ram_users (
    user_id       VARCHAR(32)  PRIMARY KEY,
    account_id    VARCHAR(16)  NOT NULL,
    user_name     VARCHAR(64)  NOT NULL,
    user_name_key VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128),
    email         VARCHAR(128),
    mobile_phone  VARCHAR(32),
    comments      VARCHAR(128),
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    UNIQUE (account_id, user_name_key)
);
CREATE INDEX ram_users_created ON ram_users (account_id, created_at);

CREATE TABLE ram_groups (
    group_id       VARCHAR(32)  PRIMARY KEY,
    account_id     VARCHAR(16)  NOT NULL,
    group_name     VARCHAR(64)  NOT NULL,
    group_name_key VARCHAR(64)  NOT NULL,
    comments       VARCHAR(128),
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL,
    UNIQUE (account_id, group_name_key)
);

CREATE TABLE ram_group_members (
    group_id   VARCHAR(32) NOT NULL REFERENCES ram_groups (group_id),
    user_id    VARCHAR(32) NOT NULL REFERENCES ram_users (user_id),
    account_id VARCHAR(16) NOT NULL,
    joined_at  BIGINT      NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ram_group_members_user ON ram_group_members (user_id);

-- Custom policies. Version numbers only grow (next_version), so a deleted v2 is never reused.
CREATE TABLE ram_policies (
    policy_id       VARCHAR(32)   PRIMARY KEY,
    account_id      VARCHAR(16)   NOT NULL,
    policy_name     VARCHAR(128)  NOT NULL,
    policy_name_key VARCHAR(128)  NOT NULL,
    description     VARCHAR(1024),
    default_version INTEGER       NOT NULL,
    next_version    INTEGER       NOT NULL,
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL,
    UNIQUE (account_id, policy_name_key)
);

CREATE TABLE ram_policy_versions (
    policy_id      VARCHAR(32) NOT NULL REFERENCES ram_policies (policy_id),
    version_number INTEGER     NOT NULL,
    document       TEXT        NOT NULL,
    created_at     BIGINT      NOT NULL,
    PRIMARY KEY (policy_id, version_number)
);

-- A policy attached to a user or a group. principal_type is 'User' or 'Group', principal_id the
-- user or group id; policy_type is 'System' or 'Custom' and policy_name_key the lower-cased name
-- (system policy names are matched exactly before an attachment is made).
CREATE TABLE ram_attachments (
    account_id      VARCHAR(16)  NOT NULL,
    principal_type  VARCHAR(8)   NOT NULL,
    principal_id    VARCHAR(32)  NOT NULL,
    policy_type     VARCHAR(8)   NOT NULL,
    policy_name     VARCHAR(128) NOT NULL,
    policy_name_key VARCHAR(128) NOT NULL,
    attached_at     BIGINT       NOT NULL,
    PRIMARY KEY (principal_type, principal_id, policy_type, policy_name_key)
);
CREATE INDEX ram_attachments_policy ON ram_attachments (account_id, policy_type, policy_name_key);

-- One counter per account, bumped in the same transaction as every change that can change what
-- a RAM user is allowed (policies, versions, attachments, memberships, users). Nodes that cache
-- compiled policy sets re-read it to learn that their cache is stale (docs/ram.md, "Cache").
CREATE TABLE ram_epochs (
    account_id VARCHAR(16) PRIMARY KEY,
    epoch      BIGINT      NOT NULL
);
