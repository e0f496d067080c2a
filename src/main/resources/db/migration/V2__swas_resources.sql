-- SWAS resources. Times are epoch milliseconds. A resource in transition carries the status it
-- will have (next_status) and when (next_at): its effective status is computed from the clock,
-- so a transition is durable, survives restarts and happens once whichever node looks first.

CREATE TABLE instances (
    instance_id       VARCHAR(32)  PRIMARY KEY,
    account_id        VARCHAR(16)  NOT NULL,
    region_id         VARCHAR(64)  NOT NULL,
    instance_name     VARCHAR(128) NOT NULL,
    plan_id           VARCHAR(64)  NOT NULL,
    image_id          VARCHAR(64)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    next_status       VARCHAR(16),
    next_at           BIGINT,
    charge_type       VARCHAR(16)  NOT NULL,
    created_at        BIGINT       NOT NULL,
    expired_at        BIGINT       NOT NULL,
    public_ip         VARCHAR(64)  NOT NULL,
    inner_ip          VARCHAR(64)  NOT NULL,
    resource_group_id VARCHAR(64),
    version           BIGINT       NOT NULL
);
CREATE INDEX instances_owner ON instances (account_id, region_id, created_at);

CREATE TABLE disks (
    disk_id       VARCHAR(32)  PRIMARY KEY,
    account_id    VARCHAR(16)  NOT NULL,
    region_id     VARCHAR(64)  NOT NULL,
    instance_id   VARCHAR(32)  NOT NULL REFERENCES instances (instance_id),
    disk_name     VARCHAR(128) NOT NULL,
    disk_type     VARCHAR(16)  NOT NULL,
    category      VARCHAR(32)  NOT NULL,
    size_gib      INTEGER      NOT NULL,
    device        VARCHAR(32)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    resource_group_id VARCHAR(64)
);
CREATE INDEX disks_instance ON disks (instance_id);
CREATE INDEX disks_owner ON disks (account_id, region_id, created_at);

CREATE TABLE snapshots (
    snapshot_id       VARCHAR(32)  PRIMARY KEY,
    account_id        VARCHAR(16)  NOT NULL,
    region_id         VARCHAR(64)  NOT NULL,
    instance_id       VARCHAR(32)  NOT NULL,
    disk_id           VARCHAR(32)  NOT NULL,
    source_disk_type  VARCHAR(16)  NOT NULL,
    disk_size_gib     INTEGER      NOT NULL,
    snapshot_name     VARCHAR(128) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    next_status       VARCHAR(16),
    next_at           BIGINT,
    created_at        BIGINT       NOT NULL,
    resource_group_id VARCHAR(64)
);
CREATE INDEX snapshots_owner ON snapshots (account_id, region_id, created_at);
CREATE INDEX snapshots_instance ON snapshots (instance_id);

-- Deleted images stay as rows with deleted_at set (soft delete): ids are never reused and a
-- reset with a deleted image can be told apart from a typo in the log.
CREATE TABLE custom_images (
    image_id             VARCHAR(32)  PRIMARY KEY,
    account_id           VARCHAR(16)  NOT NULL,
    region_id            VARCHAR(64)  NOT NULL,
    image_name           VARCHAR(128) NOT NULL,
    description          VARCHAR(1024),
    instance_id          VARCHAR(32)  NOT NULL,
    instance_name        VARCHAR(128) NOT NULL,
    system_snapshot_id   VARCHAR(32)  NOT NULL,
    system_snapshot_name VARCHAR(128) NOT NULL,
    data_snapshot_id     VARCHAR(32),
    data_snapshot_name   VARCHAR(128),
    system_disk_gib      INTEGER      NOT NULL,
    data_disk_gib        INTEGER      NOT NULL,
    platform             VARCHAR(16)  NOT NULL,
    source_image_id      VARCHAR(64)  NOT NULL,
    source_image_name    VARCHAR(128) NOT NULL,
    source_image_version VARCHAR(64)  NOT NULL,
    status               VARCHAR(4)   NOT NULL,
    next_status          VARCHAR(4),
    next_at              BIGINT,
    in_share             INTEGER      NOT NULL,
    created_at           BIGINT       NOT NULL,
    deleted_at           BIGINT,
    resource_group_id    VARCHAR(64),
    version              BIGINT       NOT NULL
);
CREATE INDEX custom_images_owner ON custom_images (account_id, region_id, deleted_at, created_at);

CREATE TABLE image_share_accounts (
    image_id          VARCHAR(32) NOT NULL REFERENCES custom_images (image_id),
    target_account_id VARCHAR(16) NOT NULL,
    shared_at         BIGINT      NOT NULL,
    PRIMARY KEY (image_id, target_account_id)
);
CREATE INDEX image_share_target ON image_share_accounts (target_account_id);

CREATE TABLE tags (
    account_id    VARCHAR(16)  NOT NULL,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   VARCHAR(64)  NOT NULL,
    tag_key       VARCHAR(128) NOT NULL,
    tag_value     VARCHAR(128) NOT NULL,
    PRIMARY KEY (resource_type, resource_id, tag_key)
);
CREATE INDEX tags_owner ON tags (account_id, resource_type, tag_key);

-- ClientToken outcomes: the first successful response per (account, token), replayed verbatim.
CREATE TABLE idempotency (
    account_id   VARCHAR(16)  NOT NULL,
    client_token VARCHAR(64)  NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    response     TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    PRIMARY KEY (account_id, client_token)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
