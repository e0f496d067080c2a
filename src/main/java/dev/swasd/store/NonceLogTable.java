package dev.swasd.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The nonce log of a PostgreSQL database: the table {@code nonce_log} (migration V8), whose
 * {@code seq} orders entries as they were appended. A batch is one READ COMMITTED transaction that
 * first takes an advisory lock held till its commit, so batches of all nodes take turns and each
 * reads, after the lock, whatever the previous holder committed.
 */
final class NonceLogTable implements NonceLog {
    /** The second key of the advisory lock ('nonc'); the first is swasd's, Database.LOCK_SPACE. */
    private static final int LOCK_KEY = 0x6e6f6e63;

    private static final String INSERT = "INSERT INTO nonce_log (access_key_id, nonce, seen_at) VALUES (?, ?, ?)";

    /** Its own, READ COMMITTED: a SERIALIZABLE snapshot would be taken before the lock is granted. */
    private final HikariDataSource pool;
    /** The last entry read or written by this node: the next batch reads what others appended after it. */
    private long lastSeq;

    NonceLogTable(HikariDataSource pool) {
        this.pool = pool;
    }

    @Override
    public void load(Consumer<Spent> into) {
        try (Connection c = pool.getConnection()) {
            readAfter(new Tx(c, Database.Dialect.POSTGRESQL), into);
        } catch (SQLException e) {
            throw TransientConflict.translate("nonce log failed", e);
        }
    }

    @Override
    public int batch(long now, Consumer<Spent> others, Decision decision, long forgetBefore) {
        try (Connection c = pool.getConnection()) {
            long[] last = {lastSeq};
            int removed = Database.transact(c, conn -> {
                Tx tx = new Tx(conn, Database.Dialect.POSTGRESQL);
                tx.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, Database.LOCK_SPACE, LOCK_KEY);
                readAfter(tx, others);
                List<Object[]> rows = new ArrayList<>();
                for (Entry e : decision.decide()) {
                    rows.add(new Object[] {e.accessKeyId(), e.nonce(), e.seenAt()});
                }
                tx.batch(INSERT, rows);
                int dropped = forgetBefore == Long.MIN_VALUE
                        ? 0
                        : tx.update("DELETE FROM nonce_log WHERE seen_at < ?", forgetBefore);
                last[0] = rows.isEmpty() ? lastSeq : tx.count("SELECT MAX(seq) FROM nonce_log");
                return dropped;
            });
            lastSeq = last[0]; // only once committed: a rolled-back batch appended nothing
            return removed;
        } catch (SQLException e) {
            throw TransientConflict.translate("nonce log failed", e);
        }
    }

    /** Rows read per statement. */
    private static final int PAGE = 10_000;

    /**
     * What others appended since {@link #lastSeq}, a page at a time. The LIMIT keeps the statement
     * on the primary key: once the driver prepares it on the server, PostgreSQL plans it for any
     * bound ({@code seq > $1}), and without a limit that generic plan is a scan of the whole table,
     * so every batch would take longer as the log grows.
     */
    private void readAfter(Tx tx, Consumer<Spent> into) {
        int read;
        do {
            int[] rows = {0};
            tx.query(
                    "SELECT seq, access_key_id, nonce, seen_at FROM nonce_log WHERE seq > ? ORDER BY seq LIMIT ?",
                    rs -> {
                        into.accept(
                                new Spent(SpentNonces.Fingerprint.of(rs.getString(2), rs.getString(3)), rs.getLong(4)));
                        lastSeq = Math.max(lastSeq, rs.getLong(1));
                        rows[0]++;
                        return null;
                    },
                    lastSeq,
                    PAGE);
            read = rows[0];
        } while (read == PAGE);
    }

    @Override
    public void close() {
        pool.close();
    }
}
