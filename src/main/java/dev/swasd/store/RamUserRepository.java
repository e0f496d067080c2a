package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** RAM users of an account. Look-ups by name ignore case. */
public final class RamUserRepository {
    private static final String COLS =
            "user_id, account_id, user_name, display_name, email, mobile_phone, comments, " + "created_at, updated_at";

    public void insert(Tx tx, RamUserRecord u) {
        tx.update(
                "INSERT INTO ram_users (" + COLS + ", user_name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.userId(),
                u.accountId(),
                u.userName(),
                u.displayName(),
                u.email(),
                u.mobilePhone(),
                u.comments(),
                u.createdAt(),
                u.updatedAt(),
                RamNames.key(u.userName()));
    }

    public Optional<RamUserRecord> findByName(Tx tx, String accountId, String userName) {
        return tx.one(
                "SELECT " + COLS + " FROM ram_users WHERE account_id = ? AND user_name_key = ?",
                RamUserRepository::row,
                accountId,
                RamNames.key(userName));
    }

    /** Every user of the account in creation order. */
    public List<RamUserRecord> list(Tx tx, String accountId) {
        return tx.query(
                "SELECT " + COLS + " FROM ram_users WHERE account_id = ? ORDER BY created_at, user_id",
                RamUserRepository::row,
                accountId);
    }

    public long count(Tx tx, String accountId) {
        return tx.count("SELECT COUNT(*) FROM ram_users WHERE account_id = ?", accountId);
    }

    /** Writes every field but the id, account and creation time. */
    public void update(Tx tx, RamUserRecord u) {
        tx.update(
                "UPDATE ram_users SET user_name = ?, user_name_key = ?, display_name = ?, email = ?, "
                        + "mobile_phone = ?, comments = ?, updated_at = ? WHERE user_id = ?",
                u.userName(),
                RamNames.key(u.userName()),
                u.displayName(),
                u.email(),
                u.mobilePhone(),
                u.comments(),
                u.updatedAt(),
                u.userId());
    }

    public void delete(Tx tx, String userId) {
        tx.update("DELETE FROM ram_users WHERE user_id = ?", userId);
    }

    static RamUserRecord row(ResultSet rs) throws SQLException {
        return new RamUserRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8),
                rs.getLong(9));
    }
}
