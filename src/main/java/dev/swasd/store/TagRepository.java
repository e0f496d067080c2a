package dev.swasd.store;

import java.util.ArrayList;
import java.util.List;

/** Tags of every resource type, one row per (resource, key). */
public final class TagRepository {
    public List<TagRecord> tagsOf(Tx tx, String resourceType, String resourceId) {
        return tx.query(
                "SELECT account_id, resource_type, resource_id, tag_key, tag_value FROM tags "
                        + "WHERE resource_type = ? AND resource_id = ? ORDER BY tag_key",
                rs -> new TagRecord(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                resourceType,
                resourceId);
    }

    public List<TagRecord> tagsOf(Tx tx, String resourceType, List<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(resourceType);
        args.addAll(resourceIds);
        return tx.query(
                "SELECT account_id, resource_type, resource_id, tag_key, tag_value FROM tags "
                        + "WHERE resource_type = ? AND resource_id IN (" + Tx.marks(resourceIds.size())
                        + ") ORDER BY resource_id, tag_key",
                rs -> new TagRecord(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                args.toArray());
    }

    public List<TagRecord> ofAccount(Tx tx, String accountId, String resourceType) {
        return tx.query(
                "SELECT account_id, resource_type, resource_id, tag_key, tag_value FROM tags "
                        + "WHERE account_id = ? AND resource_type = ? ORDER BY resource_id, tag_key",
                rs -> new TagRecord(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                accountId,
                resourceType);
    }

    public void put(Tx tx, TagRecord t) {
        int updated = tx.update(
                "UPDATE tags SET tag_value = ? WHERE resource_type = ? AND resource_id = ? AND tag_key = ?",
                t.value(),
                t.resourceType(),
                t.resourceId(),
                t.key());
        if (updated == 0) {
            tx.update(
                    "INSERT INTO tags (account_id, resource_type, resource_id, tag_key, tag_value) VALUES (?, ?, ?, ?, ?)",
                    t.accountId(),
                    t.resourceType(),
                    t.resourceId(),
                    t.key(),
                    t.value());
        }
    }

    public int remove(Tx tx, String resourceType, String resourceId, String key) {
        return tx.update(
                "DELETE FROM tags WHERE resource_type = ? AND resource_id = ? AND tag_key = ?",
                resourceType,
                resourceId,
                key);
    }

    /** The tags of several resources of one type, in one statement. */
    public int removeAll(Tx tx, String resourceType, List<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(resourceType);
        args.addAll(resourceIds);
        return tx.update(
                "DELETE FROM tags WHERE resource_type = ? AND resource_id IN (" + Tx.marks(resourceIds.size()) + ")",
                args.toArray());
    }

    public int removeAll(Tx tx, String resourceType, String resourceId) {
        return tx.update("DELETE FROM tags WHERE resource_type = ? AND resource_id = ?", resourceType, resourceId);
    }
}
