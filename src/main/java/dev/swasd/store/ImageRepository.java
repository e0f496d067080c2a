package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Custom images and the accounts they are shared with. */
public final class ImageRepository {
    private static final String COLS = "image_id, account_id, region_id, image_name, description, instance_id, "
            + "instance_name, system_snapshot_id, system_snapshot_name, data_snapshot_id, data_snapshot_name, "
            + "system_disk_gib, data_disk_gib, platform, source_image_id, source_image_name, source_image_version, "
            + "status, next_status, next_at, in_share, created_at, deleted_at, resource_group_id, version";

    public void insert(Tx tx, ImageRecord i) {
        tx.update("INSERT INTO custom_images (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?)", i.imageId(), i.accountId(), i.regionId(), i.imageName(),
                i.description(), i.instanceId(), i.instanceName(), i.systemSnapshotId(), i.systemSnapshotName(),
                i.dataSnapshotId(), i.dataSnapshotName(), i.systemDiskGib(), i.dataDiskGib(), i.platform(),
                i.sourceImageId(), i.sourceImageName(), i.sourceImageVersion(), i.storedStatus(), i.nextStatus(),
                i.nextAt(), i.inShare(), i.createdAt(), i.deletedAt(), i.resourceGroupId(), i.version());
        if (i.deletedAt() == null) {
            adjustLive(tx, i.accountId(), i.regionId(), 1);
        }
    }

    /** Soft-deletes a live image (compare-and-set on its version) and keeps the live count. */
    public boolean softDelete(Tx tx, ImageRecord i, long now) {
        boolean done = tx.update("UPDATE custom_images SET deleted_at = ?, in_share = 0, status = ?, next_status = NULL, "
                + "next_at = NULL, version = version + 1 WHERE image_id = ? AND version = ? AND deleted_at IS NULL",
                now, i.status(now), i.imageId(), i.version()) == 1;
        if (done) {
            adjustLive(tx, i.accountId(), i.regionId(), -1);
        }
        return done;
    }

    private static void adjustLive(Tx tx, String accountId, String regionId, int delta) {
        tx.update("INSERT INTO image_counts (account_id, region_id, live) VALUES (?, ?, ?) "
                + "ON CONFLICT (account_id, region_id) DO UPDATE SET live = image_counts.live + ?", accountId, regionId,
                Math.max(delta, 0), delta);
    }

    /** By id alone, deleted or not; the caller decides who may see it. */
    public Optional<ImageRecord> find(Tx tx, String imageId) {
        return tx.one("SELECT " + COLS + " FROM custom_images WHERE image_id = ?", ImageRepository::row, imageId);
    }

    public List<ImageRecord> findAll(Tx tx, List<String> imageIds) {
        if (imageIds.isEmpty()) {
            return List.of();
        }
        return tx.query("SELECT " + COLS + " FROM custom_images WHERE image_id IN (" + Tx.marks(imageIds.size()) + ")",
                ImageRepository::row, imageIds.toArray());
    }

    /** Sets share flag, status and deletion; compare-and-set on the version read. */
    public boolean update(Tx tx, ImageRecord i) {
        return tx.update("UPDATE custom_images SET in_share = ?, status = ?, next_status = ?, next_at = ?, deleted_at = ?, "
                        + "version = version + 1 WHERE image_id = ? AND version = ?", i.inShare(), i.storedStatus(),
                i.nextStatus(), i.nextAt(), i.deletedAt(), i.imageId(), i.version()) == 1;
    }

    public long countLiveInAccount(Tx tx, String accountId) {
        // from the maintained counts: the quota check of every CreateCustomImage must not scan the images
        return tx.count("SELECT COALESCE(SUM(live), 0) FROM image_counts WHERE account_id = ?", accountId);
    }

    /** Live images built from the snapshot, as system or data snapshot. */
    public long countLiveUsingSnapshot(Tx tx, String snapshotId) {
        return tx.count("SELECT COUNT(*) FROM custom_images WHERE deleted_at IS NULL AND "
                + "(system_snapshot_id = ? OR data_snapshot_id = ?)", snapshotId, snapshotId);
    }

    public record Page(List<ImageRecord> images, long total) {
    }

    public Page list(Tx tx, ImageQuery q) {
        boolean unfiltered = empty(q.imageIds()) && empty(q.imageNames()) && q.instanceId() == null
                && q.systemSnapshotId() == null && q.dataSnapshotId() == null && q.shared() == null
                && q.resourceGroupId() == null && (q.tags() == null || q.tags().isEmpty());
        if (unfiltered && tx.count("SELECT COUNT(*) FROM image_share_accounts WHERE target_account_id = ?",
                q.accountId()) == 0) {
            // the common case: the caller's own images, page straight off the index, total from the counter
            long total = tx.count("SELECT live FROM image_counts WHERE account_id = ? AND region_id = ?",
                    q.accountId(), q.regionId());
            List<ImageRecord> rows = tx.query("SELECT " + COLS + " FROM custom_images WHERE account_id = ? "
                            + "AND region_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, image_id DESC "
                            + "LIMIT ? OFFSET ?", ImageRepository::row, q.accountId(), q.regionId(), q.limit(),
                    q.offset());
            return new Page(rows, total);
        }
        StringBuilder where = new StringBuilder(" FROM custom_images ci WHERE ci.region_id = ? AND ci.deleted_at IS NULL "
                + "AND (ci.account_id = ? OR EXISTS (SELECT 1 FROM image_share_accounts s WHERE s.image_id = ci.image_id "
                + "AND s.target_account_id = ?))");
        List<Object> args = new ArrayList<>(List.of(q.regionId(), q.accountId(), q.accountId()));
        in(where, args, "ci.image_id", q.imageIds());
        in(where, args, "ci.image_name", q.imageNames());
        eq(where, args, "ci.instance_id", q.instanceId());
        eq(where, args, "ci.system_snapshot_id", q.systemSnapshotId());
        eq(where, args, "ci.data_snapshot_id", q.dataSnapshotId());
        eq(where, args, "ci.resource_group_id", q.resourceGroupId());
        if (q.shared() != null) {
            String sharedExpr = "(ci.in_share = 1 OR EXISTS (SELECT 1 FROM image_share_accounts s2 "
                    + "WHERE s2.image_id = ci.image_id))";
            where.append(q.shared() ? " AND " + sharedExpr : " AND NOT " + sharedExpr);
        }
        if (q.tags() != null) {
            for (ImageQuery.TagFilter t : q.tags()) {
                where.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.resource_type = 'customimage' "
                        + "AND t.resource_id = ci.image_id AND t.tag_key = ?");
                args.add(t.key());
                if (t.value() != null) {
                    where.append(" AND t.tag_value = ?");
                    args.add(t.value());
                }
                where.append(')');
            }
        }
        long total = tx.count("SELECT COUNT(*)" + where, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.limit());
        pageArgs.add(q.offset());
        List<ImageRecord> rows = tx.query("SELECT " + prefixed() + where
                + " ORDER BY ci.created_at DESC, ci.image_id DESC LIMIT ? OFFSET ?", ImageRepository::row,
                pageArgs.toArray());
        return new Page(rows, total);
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }

    /** Accounts each image is shared with, counted for a page of images at once. */
    public java.util.Map<String, Long> shareCounts(Tx tx, List<String> imageIds) {
        java.util.Map<String, Long> out = new java.util.HashMap<>();
        if (imageIds.isEmpty()) {
            return out;
        }
        tx.query("SELECT image_id, COUNT(*) FROM image_share_accounts WHERE image_id IN (" + Tx.marks(imageIds.size())
                + ") GROUP BY image_id", rs -> out.put(rs.getString(1), rs.getLong(2)), imageIds.toArray());
        return out;
    }

    private static String prefixed() {
        StringBuilder sb = new StringBuilder();
        for (String c : COLS.split(", ")) {
            sb.append(sb.isEmpty() ? "" : ", ").append("ci.").append(c);
        }
        return sb.toString();
    }

    private static void in(StringBuilder where, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (").append(Tx.marks(values.size())).append(')');
            args.addAll(values);
        }
    }

    private static void eq(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Live images shared to ECS in a region, for the ECS view. */
    public List<ImageRecord> sharedToEcs(Tx tx, String accountId, String regionId) {
        return tx.query("SELECT " + COLS + " FROM custom_images WHERE account_id = ? AND region_id = ? "
                + "AND deleted_at IS NULL AND in_share = 1 ORDER BY created_at DESC, image_id", ImageRepository::row,
                accountId, regionId);
    }

    // sharing with accounts

    public boolean addShare(Tx tx, ShareRecord s) {
        return tx.update("INSERT INTO image_share_accounts (image_id, target_account_id, shared_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (image_id, target_account_id) DO NOTHING", s.imageId(), s.targetAccountId(), s.sharedAt()) == 1;
    }

    public int removeShare(Tx tx, String imageId, String targetAccountId) {
        return tx.update("DELETE FROM image_share_accounts WHERE image_id = ? AND target_account_id = ?", imageId,
                targetAccountId);
    }

    public List<ShareRecord> shares(Tx tx, String imageId) {
        return tx.query("SELECT image_id, target_account_id, shared_at FROM image_share_accounts WHERE image_id = ? "
                        + "ORDER BY shared_at, target_account_id",
                rs -> new ShareRecord(rs.getString(1), rs.getString(2), rs.getLong(3)), imageId);
    }

    public boolean isSharedWith(Tx tx, String imageId, String accountId) {
        return tx.count("SELECT COUNT(*) FROM image_share_accounts WHERE image_id = ? AND target_account_id = ?",
                imageId, accountId) > 0;
    }

    public long shareCount(Tx tx, String imageId) {
        return tx.count("SELECT COUNT(*) FROM image_share_accounts WHERE image_id = ?", imageId);
    }

    public int settleDue(Tx tx, long now) {
        return tx.update("UPDATE custom_images SET status = next_status, next_status = NULL, next_at = NULL, "
                + "version = version + 1 WHERE next_at IS NOT NULL AND next_at <= ?", now);
    }

    static ImageRecord row(ResultSet rs) throws SQLException {
        long nextAt = rs.getLong(20);
        Long next = rs.wasNull() ? null : nextAt;
        long deletedAt = rs.getLong(23);
        Long deleted = rs.wasNull() ? null : deletedAt;
        return new ImageRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                rs.getString(18), rs.getString(19), next, rs.getInt(21) == 1, rs.getLong(22), deleted,
                rs.getString(24), rs.getLong(25));
    }
}
