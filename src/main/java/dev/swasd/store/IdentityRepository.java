package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts and their AccessKeys. */
public final class IdentityRepository {
    private static final String KEY_COLUMNS =
            "access_key_id, account_id, user_name, secret_cipher, status, security_token, expires_at, created_at";
    private final Database db;

    public IdentityRepository(Database db) {
        this.db = db;
    }

    public void ensureAccount(String accountId, long nowMillis) {
        db.writeStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO accounts (account_id, created_at) VALUES (?, ?) ON CONFLICT (account_id) DO NOTHING")) {
                ps.setString(1, accountId);
                ps.setLong(2, nowMillis);
                return ps.executeUpdate();
            }
        });
    }

    /** Whether the account {@code accountId} exists. */
    public boolean accountExists(String accountId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM accounts WHERE account_id = ?")) {
                ps.setString(1, accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public Optional<AccessKeyRecord> findKey(String accessKeyId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM access_keys WHERE access_key_id = ?")) {
                ps.setString(1, accessKeyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<AccessKeyRecord> rootKeys(String accountId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + KEY_COLUMNS
                    + " FROM access_keys WHERE account_id = ? AND user_name IS NULL ORDER BY created_at")) {
                ps.setString(1, accountId);
                List<AccessKeyRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Inserts the key, or makes an existing key with that id exactly this one (same account, secret, status). */
    public void putKey(AccessKeyRecord key) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM access_keys WHERE access_key_id = ?")) {
                del.setString(1, key.accessKeyId());
                del.executeUpdate();
            }
            insertKey(c, key);
            return null;
        });
    }

    static void insertKey(Connection c, AccessKeyRecord key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO access_keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key.accessKeyId());
            ps.setString(2, key.accountId());
            ps.setString(3, key.userName());
            ps.setString(4, key.secretCipher());
            ps.setString(5, key.status());
            ps.setString(6, key.securityToken());
            if (key.expiresAtMillis() == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, key.expiresAtMillis());
            }
            ps.setLong(8, key.createdAtMillis());
            ps.executeUpdate();
        }
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
