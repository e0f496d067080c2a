-- The CloudMonitor agent of servers (swas.agents.MonitorAgents, mapped by store.Table). Portable SQL:
-- the same migration runs on SQLite and PostgreSQL. A server without a row has no agent
-- (not_installed). InstallCloudMonitorAgent writes the row 'installing' with a Transition
-- (status, next_status, next_at) to 'running' one state delay later; the effective status follows
-- the clock, and a server that is not Running reports its agent 'stopped'. installed_at is when the
-- last install began. Times are epoch milliseconds.
CREATE TABLE monitor_agents (
    instance_id  VARCHAR(32)  PRIMARY KEY REFERENCES instances (instance_id),
    account_id   VARCHAR(16)  NOT NULL,
    region_id    VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    next_status  VARCHAR(16),
    next_at      BIGINT,
    installed_at BIGINT       NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX monitor_agents_owner ON monitor_agents (account_id, region_id);
