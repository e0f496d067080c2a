package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** AccessKeys of RAM users, inside a request's transaction (root keys stay with {@link IdentityRepository}). */
public final class UserKeyRepository {
    private static final String COLS =
            "access_key_id, account_id, user_name, secret_cipher, status, security_token, expires_at, created_at";

    public void insert(Tx tx, AccessKeyRecord key) {
        tx.update(
                "INSERT INTO access_keys (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                key.accessKeyId(),
                key.accountId(),
                key.userName(),
                key.secretCipher(),
                key.status(),
                key.securityToken(),
                key.expiresAtMillis(),
                key.createdAtMillis());
    }

    /** The user's keys, oldest first. */
    public List<AccessKeyRecord> ofUser(Tx tx, String accountId, String userName) {
        return tx.query(
                "SELECT " + COLS + " FROM access_keys WHERE account_id = ? AND user_name = ? "
                        + "ORDER BY created_at, access_key_id",
                UserKeyRepository::row,
                accountId,
                userName);
    }

    public Optional<AccessKeyRecord> find(Tx tx, String accessKeyId) {
        return tx.one(
                "SELECT " + COLS + " FROM access_keys WHERE access_key_id = ?", UserKeyRepository::row, accessKeyId);
    }

    public void setStatus(Tx tx, String accessKeyId, String status) {
        tx.update("UPDATE access_keys SET status = ? WHERE access_key_id = ?", status, accessKeyId);
    }

    public void delete(Tx tx, String accessKeyId) {
        tx.update("DELETE FROM access_keys WHERE access_key_id = ?", accessKeyId);
    }

    /** Keeps a renamed user's keys pointing at it. */
    public void renameUser(Tx tx, String accountId, String oldName, String newName) {
        tx.update(
                "UPDATE access_keys SET user_name = ? WHERE account_id = ? AND user_name = ?",
                newName,
                accountId,
                oldName);
    }

    private static AccessKeyRecord row(ResultSet rs) throws SQLException {
        long expires = rs.getLong(7);
        Long expiresAt = rs.wasNull() ? null : expires;
        return new AccessKeyRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                expiresAt,
                rs.getLong(8));
    }
}
