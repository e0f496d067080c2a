-- Firewall rules of servers (swas.firewall.FirewallActions, mapped by store.Table). Portable SQL:
-- the same migration runs on SQLite and PostgreSQL. A disabled rule stays, with policy 'drop'.
-- A rule is unique per server by protocol, port and source (FirewallRuleAlreadyExist); the index
-- backs the check against two writers racing. seq orders a server's rules as they were made
-- (several share one created_at: a server's defaults, a CreateFirewallRules batch). Times are
-- epoch milliseconds.
CREATE TABLE firewall_rules (
    rule_id        VARCHAR(32)  PRIMARY KEY,
    account_id     VARCHAR(16)  NOT NULL,
    region_id      VARCHAR(64)  NOT NULL,
    instance_id    VARCHAR(32)  NOT NULL REFERENCES instances (instance_id),
    rule_protocol  VARCHAR(8)   NOT NULL,
    port           VARCHAR(16)  NOT NULL,
    source_cidr_ip VARCHAR(64)  NOT NULL,
    remark         VARCHAR(256),
    policy         VARCHAR(8)   NOT NULL,
    seq            BIGINT       NOT NULL,
    created_at     BIGINT       NOT NULL,
    version        BIGINT       NOT NULL
);
CREATE UNIQUE INDEX firewall_rules_unique ON firewall_rules (instance_id, rule_protocol, port, source_cidr_ip);
