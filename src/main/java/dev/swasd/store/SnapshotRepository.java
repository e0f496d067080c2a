package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Disk snapshots. */
public final class SnapshotRepository {
    private static final String COLS = "snapshot_id, account_id, region_id, instance_id, disk_id, source_disk_type, "
            + "disk_size_gib, snapshot_name, status, next_status, next_at, created_at, resource_group_id, remark";

    public void insert(Tx tx, SnapshotRecord s) {
        tx.update(
                "INSERT INTO snapshots (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.snapshotId(),
                s.accountId(),
                s.regionId(),
                s.instanceId(),
                s.diskId(),
                s.sourceDiskType(),
                s.diskSizeGib(),
                s.snapshotName(),
                s.state().stored(),
                s.state().next(),
                s.state().at(),
                s.createdAt(),
                s.resourceGroupId(),
                s.remark());
    }

    public Optional<SnapshotRecord> find(Tx tx, String accountId, String regionId, String snapshotId) {
        return tx.one(
                "SELECT " + COLS + " FROM snapshots WHERE snapshot_id = ? AND account_id = ? AND region_id = ?",
                SnapshotRepository::row,
                snapshotId,
                accountId,
                regionId);
    }

    public List<SnapshotRecord> list(Tx tx, String accountId, String regionId) {
        return tx.query(
                "SELECT " + COLS + " FROM snapshots WHERE account_id = ? AND region_id = ? "
                        + "ORDER BY created_at DESC, snapshot_id",
                SnapshotRepository::row,
                accountId,
                regionId);
    }

    public long countForInstance(Tx tx, String instanceId) {
        return tx.count("SELECT COUNT(*) FROM snapshots WHERE instance_id = ?", instanceId);
    }

    public long countInAccount(Tx tx, String accountId) {
        return tx.count("SELECT COUNT(*) FROM snapshots WHERE account_id = ?", accountId);
    }

    public void updateRemark(Tx tx, String snapshotId, String remark) {
        tx.update("UPDATE snapshots SET remark = ? WHERE snapshot_id = ?", remark, snapshotId);
    }

    public int delete(Tx tx, String snapshotId) {
        return tx.update("DELETE FROM snapshots WHERE snapshot_id = ?", snapshotId);
    }

    public static final TransitionTable TRANSITIONS = new TransitionTable("snapshots", false);

    static SnapshotRecord row(ResultSet rs) throws SQLException {
        long nextAt = rs.getLong(11);
        Long next = rs.wasNull() ? null : nextAt;
        return new SnapshotRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getString(8),
                new Transition(rs.getString(9), rs.getString(10), next),
                rs.getLong(12),
                rs.getString(13),
                rs.getString(14));
    }
}
