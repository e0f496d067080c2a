package dev.swasd.store;

import java.sql.PreparedStatement;

/**
 * Spent SignatureNonce values. One upsert decides atomically, also across nodes: a fresh nonce
 * is inserted, a nonce seen only before the window is taken over, a nonce seen inside it is refused.
 */
public final class NonceRepository {
    private final Database db;

    public NonceRepository(Database db) {
        this.db = db;
    }

    /** @return true when the nonce was free (or last seen before {@code windowStartMillis}) and is now spent */
    public boolean claim(String accessKeyId, String nonce, long nowMillis, long windowStartMillis) {
        return db.writeStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO nonces (access_key_id, nonce, seen_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT (access_key_id, nonce) DO UPDATE SET seen_at = excluded.seen_at "
                            + "WHERE nonces.seen_at < ?")) {
                ps.setString(1, accessKeyId);
                ps.setString(2, nonce);
                ps.setLong(3, nowMillis);
                ps.setLong(4, windowStartMillis);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Forgets nonces seen before the window; they can no longer be replayed anyway. */
    public int purgeBefore(long windowStartMillis) {
        return db.writeStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nonces WHERE seen_at < ?")) {
                ps.setLong(1, windowStartMillis);
                return ps.executeUpdate();
            }
        });
    }
}
