package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Servers and their disks. */
public final class InstanceRepository {
    private static final String COLS = "instance_id, account_id, region_id, instance_name, plan_id, image_id, status, "
            + "next_status, next_at, charge_type, created_at, expired_at, public_ip, inner_ip, resource_group_id, version, "
            + "last_reset_at, traffic_used";
    private static final String DISK_COLS = "disk_id, account_id, region_id, instance_id, disk_name, disk_type, "
            + "category, size_gib, device, created_at, resource_group_id, status, next_status, next_at, remark";

    public void insert(Tx tx, InstanceRecord i) {
        tx.update(
                "INSERT INTO instances (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                i.instanceId(),
                i.accountId(),
                i.regionId(),
                i.instanceName(),
                i.planId(),
                i.imageId(),
                i.state().stored(),
                i.state().next(),
                i.state().at(),
                i.chargeType(),
                i.createdAt(),
                i.expiredAt(),
                i.publicIp(),
                i.innerIp(),
                i.resourceGroupId(),
                i.version(),
                i.lastResetAt(),
                i.trafficUsed());
    }

    public void insertDisk(Tx tx, DiskRecord d) {
        tx.update(
                "INSERT INTO disks (" + DISK_COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.diskId(),
                d.accountId(),
                d.regionId(),
                d.instanceId(),
                d.diskName(),
                d.diskType(),
                d.category(),
                d.sizeGib(),
                d.device(),
                d.createdAt(),
                d.resourceGroupId(),
                d.state().stored(),
                d.state().next(),
                d.state().at(),
                d.remark());
    }

    public Optional<InstanceRecord> find(Tx tx, String accountId, String regionId, String instanceId) {
        return tx.one(
                "SELECT " + COLS + " FROM instances WHERE instance_id = ? AND account_id = ? AND region_id = ?",
                InstanceRepository::row,
                instanceId,
                accountId,
                regionId);
    }

    public List<InstanceRecord> list(Tx tx, String accountId, String regionId) {
        return tx.query(
                "SELECT " + COLS + " FROM instances WHERE account_id = ? AND region_id = ? "
                        + "ORDER BY created_at DESC, instance_id",
                InstanceRepository::row,
                accountId,
                regionId);
    }

    public long countInRegion(Tx tx, String accountId, String regionId) {
        return tx.count("SELECT COUNT(*) FROM instances WHERE account_id = ? AND region_id = ?", accountId, regionId);
    }

    public long countInAccount(Tx tx, String accountId) {
        return tx.count("SELECT COUNT(*) FROM instances WHERE account_id = ?", accountId);
    }

    /** Compare-and-set on the row version, so two writers never both act on one state. */
    public boolean update(Tx tx, InstanceRecord i) {
        return tx.update(
                        "UPDATE instances SET instance_name = ?, image_id = ?, status = ?, next_status = ?, next_at = ?, "
                                + "plan_id = ?, expired_at = ?, last_reset_at = ?, traffic_used = ?, "
                                + "version = version + 1 WHERE instance_id = ? AND version = ?",
                        i.instanceName(),
                        i.imageId(),
                        i.state().stored(),
                        i.state().next(),
                        i.state().at(),
                        i.planId(),
                        i.expiredAt(),
                        i.lastResetAt(),
                        i.trafficUsed(),
                        i.instanceId(),
                        i.version())
                == 1;
    }

    /** Writes a disk's size, category, state and remark. */
    public void updateDisk(Tx tx, DiskRecord d) {
        tx.update(
                "UPDATE disks SET category = ?, size_gib = ?, status = ?, next_status = ?, next_at = ?, remark = ? "
                        + "WHERE disk_id = ?",
                d.category(),
                d.sizeGib(),
                d.state().stored(),
                d.state().next(),
                d.state().at(),
                d.remark(),
                d.diskId());
    }

    public List<DiskRecord> disks(Tx tx, String accountId, String regionId) {
        return tx.query(
                "SELECT " + DISK_COLS + " FROM disks WHERE account_id = ? AND region_id = ? "
                        + "ORDER BY created_at DESC, disk_id",
                InstanceRepository::disk,
                accountId,
                regionId);
    }

    public List<DiskRecord> disksOf(Tx tx, String instanceId) {
        return tx.query(
                "SELECT " + DISK_COLS + " FROM disks WHERE instance_id = ? ORDER BY disk_type DESC, disk_id",
                InstanceRepository::disk,
                instanceId);
    }

    public Optional<DiskRecord> disk(Tx tx, String accountId, String regionId, String diskId) {
        return tx.one(
                "SELECT " + DISK_COLS + " FROM disks WHERE disk_id = ? AND account_id = ? AND region_id = ?",
                InstanceRepository::disk,
                diskId,
                accountId,
                regionId);
    }

    /** Materializes transitions that are due, each exactly once: the row must still be as read. */
    public static final TransitionTable TRANSITIONS = new TransitionTable("instances", true);
    /** Disks in transition (ReIniting while a ResetDisk runs). */
    public static final TransitionTable DISK_TRANSITIONS = new TransitionTable("disks", false);

    static InstanceRecord row(ResultSet rs) throws SQLException {
        long nextAt = rs.getLong(9);
        Long next = rs.wasNull() ? null : nextAt;
        return new InstanceRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                new Transition(rs.getString(7), rs.getString(8), next),
                rs.getString(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getLong(16),
                nullableLong(rs, 17),
                rs.getLong(18));
    }

    static DiskRecord disk(ResultSet rs) throws SQLException {
        return new DiskRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getLong(10),
                rs.getString(11),
                new Transition(rs.getString(12), rs.getString(13), nullableLong(rs, 14)),
                rs.getString(15));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
