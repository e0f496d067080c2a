-- Disk and snapshot maintenance, plans and billing (issue 17). Portable SQL: the same migration
-- runs on SQLite and PostgreSQL; every column added has a default, so existing rows need no copy.
--
-- A disk now has a state of its own, kept as every transitional resource keeps it (status, and the
-- next status with its time, see V2): ResetDisk moves it In_use -> ReIniting -> In_use while its
-- server stays Stopped. Disks and snapshots carry the Remark that UpdateDiskAttribute and
-- UpdateSnapshotAttribute set.
ALTER TABLE disks ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'In_use';
ALTER TABLE disks ADD COLUMN next_status VARCHAR(16);
ALTER TABLE disks ADD COLUMN next_at BIGINT;
ALTER TABLE disks ADD COLUMN remark VARCHAR(256) NOT NULL DEFAULT '';
-- the settler's UPDATE and backlog count find the few disks in transition without a scan (as V6)
CREATE INDEX disks_pending ON disks (next_at) WHERE next_at IS NOT NULL;

ALTER TABLE snapshots ADD COLUMN remark VARCHAR(256) NOT NULL DEFAULT '';

-- When the server's system was last re-installed (ResetSystem); NULL when never. A snapshot taken
-- before it cannot roll a disk back (ResetDisk).
ALTER TABLE instances ADD COLUMN last_reset_at BIGINT;
-- Outbound traffic used this month, in bytes (ListInstancesTrafficPackages); 0 unless set.
ALTER TABLE instances ADD COLUMN traffic_used BIGINT NOT NULL DEFAULT 0;
