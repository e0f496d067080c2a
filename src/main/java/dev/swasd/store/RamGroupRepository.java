package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** RAM user groups and their members. Look-ups by name ignore case. */
public final class RamGroupRepository {
    private static final String COLS = "group_id, account_id, group_name, comments, created_at, updated_at";

    public void insert(Tx tx, RamGroupRecord g) {
        tx.update(
                "INSERT INTO ram_groups (" + COLS + ", group_name_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                g.groupId(),
                g.accountId(),
                g.groupName(),
                g.comments(),
                g.createdAt(),
                g.updatedAt(),
                RamNames.key(g.groupName()));
    }

    public Optional<RamGroupRecord> findByName(Tx tx, String accountId, String groupName) {
        return tx.one(
                "SELECT " + COLS + " FROM ram_groups WHERE account_id = ? AND group_name_key = ?",
                RamGroupRepository::row,
                accountId,
                RamNames.key(groupName));
    }

    /** Every group of the account in creation order. */
    public List<RamGroupRecord> list(Tx tx, String accountId) {
        return tx.query(
                "SELECT " + COLS + " FROM ram_groups WHERE account_id = ? ORDER BY created_at, group_id",
                RamGroupRepository::row,
                accountId);
    }

    public long count(Tx tx, String accountId) {
        return tx.count("SELECT COUNT(*) FROM ram_groups WHERE account_id = ?", accountId);
    }

    public void delete(Tx tx, String groupId) {
        tx.update("DELETE FROM ram_groups WHERE group_id = ?", groupId);
    }

    public void addMember(Tx tx, String accountId, String groupId, String userId, long now) {
        tx.update(
                "INSERT INTO ram_group_members (group_id, user_id, account_id, joined_at) VALUES (?, ?, ?, ?)",
                groupId,
                userId,
                accountId,
                now);
    }

    /** @return false when the user was not a member */
    public boolean removeMember(Tx tx, String groupId, String userId) {
        return tx.update("DELETE FROM ram_group_members WHERE group_id = ? AND user_id = ?", groupId, userId) == 1;
    }

    public boolean isMember(Tx tx, String groupId, String userId) {
        return tx.count("SELECT COUNT(*) FROM ram_group_members WHERE group_id = ? AND user_id = ?", groupId, userId)
                > 0;
    }

    /** The groups a user is in, in the order it joined them. */
    public List<Joined<RamGroupRecord>> groupsOf(Tx tx, String userId) {
        return tx.query(
                "SELECT g.group_id, g.account_id, g.group_name, g.comments, g.created_at, g.updated_at, "
                        + "m.joined_at FROM ram_group_members m JOIN ram_groups g ON g.group_id = m.group_id "
                        + "WHERE m.user_id = ? ORDER BY m.joined_at, g.group_id",
                rs -> new Joined<>(row(rs), rs.getLong(7)),
                userId);
    }

    /** The members of a group, in the order they joined. */
    public List<Joined<RamUserRecord>> membersOf(Tx tx, String groupId) {
        return tx.query(
                "SELECT u.user_id, u.account_id, u.user_name, u.display_name, u.email, u.mobile_phone, "
                        + "u.comments, u.created_at, u.updated_at, m.joined_at FROM ram_group_members m "
                        + "JOIN ram_users u ON u.user_id = m.user_id WHERE m.group_id = ? ORDER BY m.joined_at, u.user_id",
                rs -> new Joined<>(RamUserRepository.row(rs), rs.getLong(10)),
                groupId);
    }

    public long countGroupsOf(Tx tx, String userId) {
        return tx.count("SELECT COUNT(*) FROM ram_group_members WHERE user_id = ?", userId);
    }

    public long countMembers(Tx tx, String groupId) {
        return tx.count("SELECT COUNT(*) FROM ram_group_members WHERE group_id = ?", groupId);
    }

    private static RamGroupRecord row(ResultSet rs) throws SQLException {
        return new RamGroupRecord(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6));
    }
}
