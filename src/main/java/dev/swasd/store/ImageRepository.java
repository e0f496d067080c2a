package dev.swasd.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Custom images and the accounts they are shared with. */
public final class ImageRepository {
    private static final String COLS = "image_id, account_id, region_id, image_name, description, instance_id, "
            + "instance_name, system_snapshot_id, system_snapshot_name, data_snapshot_id, data_snapshot_name, "
            + "system_disk_gib, data_disk_gib, platform, source_image_id, source_image_name, source_image_version, "
            + "status, next_status, next_at, in_share, created_at, deleted_at, resource_group_id, version";
    private static final int COLUMN_COUNT = COLS.split(", ").length;
    /** {@link #COLS} of the table aliased {@code ci}, and of the page (derived table) {@code p}. */
    private static final String CI_COLS = columnsOf("ci");

    private static final String PAGE_COLS = columnsOf("p");
    private static final String OWN_PAGE_SQLITE = ownPageSql(Database.Dialect.SQLITE);
    private static final String OWN_PAGE_POSTGRESQL = ownPageSql(Database.Dialect.POSTGRESQL);

    public void insert(Tx tx, ImageRecord i) {
        tx.update(
                "INSERT INTO custom_images (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?)",
                i.imageId(),
                i.accountId(),
                i.regionId(),
                i.imageName(),
                i.description(),
                i.instanceId(),
                i.instanceName(),
                i.systemSnapshotId(),
                i.systemSnapshotName(),
                i.dataSnapshotId(),
                i.dataSnapshotName(),
                i.systemDiskGib(),
                i.dataDiskGib(),
                i.platform(),
                i.sourceImageId(),
                i.sourceImageName(),
                i.sourceImageVersion(),
                i.state().stored(),
                i.state().next(),
                i.state().at(),
                i.inShare(),
                i.createdAt(),
                i.deletedAt(),
                i.resourceGroupId(),
                i.version());
        if (i.deletedAt() == null) {
            adjustLive(tx, i.accountId(), i.regionId(), 1);
        }
    }

    /**
     * Marks the images deleted (keeping their rows) in one round trip, each only if it is still
     * the version read; the live counts go down by those deleted.
     *
     * @return whether every image was still as read (otherwise the caller rolls back)
     */
    public boolean softDeleteAll(Tx tx, List<ImageRecord> images, long now) {
        List<Object[]> rows = images.stream()
                .map(i -> new Object[] {now, i.status(now), i.imageId(), i.version()})
                .toList();
        int[] changed = tx.batch(
                "UPDATE custom_images SET deleted_at = ?, in_share = 0, status = ?, next_status = NULL, "
                        + "next_at = NULL, version = version + 1 WHERE image_id = ? AND version = ? AND deleted_at IS NULL",
                rows);
        Map<List<String>, Integer> perOwner = new LinkedHashMap<>();
        for (int k = 0; k < changed.length; k++) {
            if (changed[k] != 1) {
                return false;
            }
            ImageRecord i = images.get(k);
            perOwner.merge(List.of(i.accountId(), i.regionId()), 1, Integer::sum);
        }
        perOwner.forEach((owner, n) -> adjustLive(tx, owner.get(0), owner.get(1), -n));
        return true;
    }

    private static void adjustLive(Tx tx, String accountId, String regionId, int delta) {
        tx.update(
                "INSERT INTO image_counts (account_id, region_id, live) VALUES (?, ?, ?) "
                        + "ON CONFLICT (account_id, region_id) DO UPDATE SET live = image_counts.live + ?",
                accountId,
                regionId,
                Math.max(delta, 0),
                delta);
    }

    /** By id alone, deleted or not; the caller decides who may see it. */
    public Optional<ImageRecord> find(Tx tx, String imageId) {
        return tx.one("SELECT " + COLS + " FROM custom_images WHERE image_id = ?", ImageRepository::row, imageId);
    }

    public List<ImageRecord> findAll(Tx tx, List<String> imageIds) {
        if (imageIds.isEmpty()) {
            return List.of();
        }
        return tx.query(
                "SELECT " + COLS + " FROM custom_images WHERE image_id IN (" + Tx.marks(imageIds.size()) + ")",
                ImageRepository::row,
                imageIds.toArray());
    }

    /** Sets share flag, status and deletion; compare-and-set on the version read. */
    public boolean update(Tx tx, ImageRecord i) {
        return tx.update(
                        "UPDATE custom_images SET in_share = ?, status = ?, next_status = ?, next_at = ?, deleted_at = ?, "
                                + "version = version + 1 WHERE image_id = ? AND version = ?",
                        i.inShare(),
                        i.state().stored(),
                        i.state().next(),
                        i.state().at(),
                        i.deletedAt(),
                        i.imageId(),
                        i.version())
                == 1;
    }

    public long countLiveInAccount(Tx tx, String accountId) {
        // from the maintained counts: the quota check of every CreateCustomImage must not scan the images
        return tx.count("SELECT COALESCE(SUM(live), 0) FROM image_counts WHERE account_id = ?", accountId);
    }

    /** Live images built from the snapshot, as system or data snapshot. */
    public long countLiveUsingSnapshot(Tx tx, String snapshotId) {
        return tx.count(
                "SELECT COUNT(*) FROM custom_images WHERE deleted_at IS NULL AND "
                        + "(system_snapshot_id = ? OR data_snapshot_id = ?)",
                snapshotId,
                snapshotId);
    }

    /**
     * A listed image with what the response shows beside its row: how many accounts it is shared
     * with, the caller's servers made from it (newest first) and its tags (by key).
     */
    public record Listed(ImageRecord image, long shareCount, List<String> instanceIds, List<TagRecord> tags) {}

    public record Page(List<Listed> images, long total) {}

    /**
     * One page of images the caller can see, with everything the response needs, in one query
     * (two when images are shared to the caller): a one-row header (the total, and whether anything
     * is shared to the caller) left-joined to the page, whose side columns are correlated
     * sub-queries run for the page's rows only. The header keeps the total even for a page past the
     * end. docs/performance.md counts the round trips.
     */
    public Page list(Tx tx, ImageQuery q) {
        boolean unfiltered = empty(q.imageIds())
                && empty(q.imageNames())
                && q.instanceId() == null
                && q.systemSnapshotId() == null
                && q.dataSnapshotId() == null
                && q.shared() == null
                && q.resourceGroupId() == null
                && (q.tags() == null || q.tags().isEmpty());
        if (unfiltered) {
            // the common case, the caller's own images: the page straight off the index, the total from the counter
            List<Object> args = new ArrayList<>(List.of(
                    q.accountId(),
                    q.accountId(),
                    q.regionId(),
                    q.accountId(),
                    q.accountId(),
                    q.regionId(),
                    q.limit(),
                    q.offset()));
            Header h = new Header(Text.of(tx.dialect()));
            List<Listed> rows = tx.query(
                    tx.dialect() == Database.Dialect.POSTGRESQL ? OWN_PAGE_POSTGRESQL : OWN_PAGE_SQLITE,
                    rs -> h.read(rs),
                    args.toArray());
            if (!h.incoming) {
                return h.page(rows);
            }
            // images shared to the caller are listed too: the general query below
        }
        StringBuilder where =
                new StringBuilder(" FROM custom_images ci WHERE ci.region_id = ? AND ci.deleted_at IS NULL "
                        + "AND (ci.account_id = ? OR EXISTS (SELECT 1 FROM image_share_accounts s WHERE s.image_id = ci.image_id "
                        + "AND s.target_account_id = ?))");
        List<Object> whereArgs = new ArrayList<>(List.of(q.regionId(), q.accountId(), q.accountId()));
        in(where, whereArgs, "ci.image_id", q.imageIds());
        in(where, whereArgs, "ci.image_name", q.imageNames());
        eq(where, whereArgs, "ci.instance_id", q.instanceId());
        eq(where, whereArgs, "ci.system_snapshot_id", q.systemSnapshotId());
        eq(where, whereArgs, "ci.data_snapshot_id", q.dataSnapshotId());
        eq(where, whereArgs, "ci.resource_group_id", q.resourceGroupId());
        if (q.shared() != null) {
            String sharedExpr = "(ci.in_share = 1 OR EXISTS (SELECT 1 FROM image_share_accounts s2 "
                    + "WHERE s2.image_id = ci.image_id))";
            where.append(q.shared() ? " AND " + sharedExpr : " AND NOT " + sharedExpr);
        }
        if (q.tags() != null) {
            for (ImageQuery.TagFilter t : q.tags()) {
                where.append(" AND EXISTS (SELECT 1 FROM tags t WHERE t.resource_type = 'customimage' "
                        + "AND t.resource_id = ci.image_id AND t.tag_key = ?");
                whereArgs.add(t.key());
                if (t.value() != null) {
                    where.append(" AND t.tag_value = ?");
                    whereArgs.add(t.value());
                }
                where.append(')');
            }
        }
        List<Object> args = new ArrayList<>();
        args.add(q.accountId());
        args.addAll(whereArgs);
        args.addAll(whereArgs);
        args.add(q.limit());
        args.add(q.offset());
        Header h = new Header(Text.of(tx.dialect()));
        List<Listed> rows = tx.query(
                "SELECT h.total, 0, " + sideColumns(tx.dialect()) + " FROM (SELECT COUNT(*) AS total"
                        + where + ") h LEFT JOIN (SELECT " + CI_COLS + where
                        + " ORDER BY ci.created_at DESC, ci.image_id DESC "
                        + "LIMIT ? OFFSET ?) p ON 1 = 1 ORDER BY p.created_at DESC, p.image_id DESC",
                rs -> h.read(rs),
                args.toArray());
        return h.page(rows);
    }

    /**
     * The caller's own images, a page: the header (total from the counter; whether anything is
     * shared to the caller) left-joined to the page. Parameters: account, account, region, account,
     * account, region, limit, offset. Built once per engine: it is the hottest query there is.
     */
    static String ownPageSql(Database.Dialect dialect) {
        return "SELECT h.total, h.incoming, " + sideColumns(dialect)
                + " FROM (SELECT (SELECT live FROM image_counts WHERE account_id = ? AND region_id = ?) AS total, "
                + "CASE WHEN EXISTS (SELECT 1 FROM image_share_accounts WHERE target_account_id = ?) THEN 1 ELSE 0 "
                + "END AS incoming) h LEFT JOIN (SELECT " + COLS + " FROM custom_images WHERE account_id = ? "
                + "AND region_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, image_id DESC LIMIT ? "
                + "OFFSET ?) p ON 1 = 1 ORDER BY p.created_at DESC, p.image_id DESC";
    }

    /**
     * The page's columns (from {@code p}) and its side columns; takes one parameter, the caller's
     * account (whose servers are listed). Aggregates with ORDER BY are standard SQL, which SQLite
     * has had since 3.44; only the JSON functions differ between the engines.
     */
    private static String sideColumns(Database.Dialect dialect) {
        String tags = dialect == Database.Dialect.POSTGRESQL
                ? "json_agg(json_build_array(t.account_id, t.tag_key, t.tag_value) ORDER BY t.tag_key)"
                : "json_group_array(json_array(t.account_id, t.tag_key, t.tag_value) ORDER BY t.tag_key)";
        return PAGE_COLS + ", (SELECT COUNT(*) FROM image_share_accounts s WHERE s.image_id = p.image_id), "
                + "(SELECT string_agg(i.instance_id, ',' ORDER BY i.created_at DESC, i.instance_id) FROM instances i "
                + "WHERE i.account_id = ? AND i.region_id = p.region_id AND i.image_id = p.image_id), "
                + "(SELECT " + tags
                + " FROM tags t WHERE t.resource_type = 'customimage' AND t.resource_id = p.image_id)";
    }

    // a shared buffer pool: Jackson's default keeps buffers per thread, and request threads are virtual
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build());

    /** The header columns, read off every row (they repeat); a row without an image (an empty page) maps to null. */
    private static final class Header {
        private final Text text;
        long total;
        boolean incoming;

        Header(Text text) {
            this.text = text;
        }

        Listed read(ResultSet rs) throws SQLException {
            total = rs.getLong(1);
            incoming = rs.getInt(2) == 1;
            rs.getLong(2 + 22); // created_at, never null in an image's row (a number: nothing to decode)
            if (rs.wasNull()) {
                return null;
            }
            ImageRecord image = row(rs, 2, text);
            int side = 2 + COLUMN_COUNT;
            String users = text.at(rs, side + 2);
            List<String> instanceIds = users == null || users.isEmpty() ? List.of() : List.of(users.split(","));
            return new Listed(image, rs.getLong(side + 1), instanceIds, tags(image, text.at(rs, side + 3)));
        }

        /** The images read (an empty page's one row carries none), with the total. */
        Page page(List<Listed> rows) {
            return new Page(rows.stream().filter(Objects::nonNull).toList(), total);
        }

        private static List<TagRecord> tags(ImageRecord image, String json) throws SQLException {
            if (json == null || "[]".equals(json)) { // SQLite aggregates no rows to an empty array
                return List.of();
            }
            try {
                List<TagRecord> out = new ArrayList<>();
                for (JsonNode pair : JSON.readTree(json)) {
                    out.add(new TagRecord(
                            pair.get(0).asText(),
                            "customimage",
                            image.imageId(),
                            pair.get(1).asText(),
                            pair.get(2).asText()));
                }
                return out;
            } catch (JsonProcessingException e) {
                throw new SQLException("unreadable tag aggregate: " + json, e);
            }
        }
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }

    /** Accounts each image is shared with, counted for a page of images at once. */
    public Map<String, Long> shareCounts(Tx tx, List<String> imageIds) {
        Map<String, Long> out = new HashMap<>();
        if (imageIds.isEmpty()) {
            return out;
        }
        tx.query(
                "SELECT image_id, COUNT(*) FROM image_share_accounts WHERE image_id IN (" + Tx.marks(imageIds.size())
                        + ") GROUP BY image_id",
                rs -> out.put(rs.getString(1), rs.getLong(2)),
                imageIds.toArray());
        return out;
    }

    private static String columnsOf(String alias) {
        return Arrays.stream(COLS.split(", ")).map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    private static void in(StringBuilder where, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            where.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(Tx.marks(values.size()))
                    .append(')');
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
        return tx.query(
                "SELECT " + COLS + " FROM custom_images WHERE account_id = ? AND region_id = ? "
                        + "AND deleted_at IS NULL AND in_share = 1 ORDER BY created_at DESC, image_id",
                ImageRepository::row,
                accountId,
                regionId);
    }

    // sharing with accounts

    public boolean addShare(Tx tx, ShareRecord s) {
        return tx.update(
                        "INSERT INTO image_share_accounts (image_id, target_account_id, shared_at) VALUES (?, ?, ?) "
                                + "ON CONFLICT (image_id, target_account_id) DO NOTHING",
                        s.imageId(),
                        s.targetAccountId(),
                        s.sharedAt())
                == 1;
    }

    public int removeShare(Tx tx, String imageId, String targetAccountId) {
        return tx.update(
                "DELETE FROM image_share_accounts WHERE image_id = ? AND target_account_id = ?",
                imageId,
                targetAccountId);
    }

    public List<ShareRecord> shares(Tx tx, String imageId) {
        return tx.query(
                "SELECT image_id, target_account_id, shared_at FROM image_share_accounts WHERE image_id = ? "
                        + "ORDER BY shared_at, target_account_id",
                rs -> new ShareRecord(rs.getString(1), rs.getString(2), rs.getLong(3)),
                imageId);
    }

    public boolean isSharedWith(Tx tx, String imageId, String accountId) {
        return tx.count(
                        "SELECT COUNT(*) FROM image_share_accounts WHERE image_id = ? AND target_account_id = ?",
                        imageId,
                        accountId)
                > 0;
    }

    public long shareCount(Tx tx, String imageId) {
        return tx.count("SELECT COUNT(*) FROM image_share_accounts WHERE image_id = ?", imageId);
    }

    public static final TransitionTable TRANSITIONS = new TransitionTable("custom_images", true);

    static ImageRecord row(ResultSet rs) throws SQLException {
        return row(rs, 0, Text.STRING);
    }

    /**
     * How a list reads its text columns. SQLite's driver answers {@code getString} by making a
     * direct buffer over the column through JNI, a Java object built from native code for every
     * column, a large share of an uncached ListCustomImages (docs/performance.md). {@code getBytes}
     * copies the same UTF-8 into an array, which JNI makes cheaply.
     */
    private interface Text {
        Text STRING = ResultSet::getString;
        Text SQLITE = (rs, column) -> {
            byte[] utf8 = rs.getBytes(column);
            return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
        };

        String at(ResultSet rs, int column) throws SQLException;

        static Text of(Database.Dialect dialect) {
            return dialect == Database.Dialect.SQLITE ? SQLITE : STRING;
        }
    }

    /** The {@link #COLS} of an image, starting after column {@code before}. */
    private static ImageRecord row(ResultSet rs, int before, Text text) throws SQLException {
        int b = before;
        long nextAt = rs.getLong(b + 20);
        Long next = rs.wasNull() ? null : nextAt;
        long deletedAt = rs.getLong(b + 23);
        Long deleted = rs.wasNull() ? null : deletedAt;
        return new ImageRecord(
                text.at(rs, b + 1),
                text.at(rs, b + 2),
                text.at(rs, b + 3),
                text.at(rs, b + 4),
                text.at(rs, b + 5),
                text.at(rs, b + 6),
                text.at(rs, b + 7),
                text.at(rs, b + 8),
                text.at(rs, b + 9),
                text.at(rs, b + 10),
                text.at(rs, b + 11),
                rs.getInt(b + 12),
                rs.getInt(b + 13),
                text.at(rs, b + 14),
                text.at(rs, b + 15),
                text.at(rs, b + 16),
                text.at(rs, b + 17),
                new Transition(text.at(rs, b + 18), text.at(rs, b + 19), next),
                rs.getInt(b + 21) == 1,
                rs.getLong(b + 22),
                deleted,
                text.at(rs, b + 24),
                rs.getLong(b + 25));
    }
}
