package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spent SignatureNonce values, shared by every node on the database and kept across restarts.
 *
 * <p>Every authenticated request spends a nonce, so these are the hottest writes in the server.
 * They are decided in memory and logged in the database: the log ({@code nonce_log}) is
 * append-only, in the order claims were decided, so a batch of claims writes a page or two at the
 * end of it instead of a page of a random index per nonce. One thread decides and logs the claims
 * of this node, a batch at a time, each batch in one transaction that holds the log's write lock
 * (SQLite's writer lock; a PostgreSQL advisory lock): it first reads what other nodes logged since
 * its last batch into the memory of spent nonces ({@link SpentNonces}), then decides its claims
 * against it and appends the winners. So a nonce is won once across all nodes, and a claim is
 * answered only after its batch committed: what a client was told survives a crash.
 *
 * <p>On SQLite the log is a file of its own beside the database ({@link Database#nonceLog}), so
 * that nonce batches neither queue behind the database's writes and checkpoints nor change the
 * database's data version, by which reads notice others' writes.
 */
public final class NonceRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NonceRepository.class);
    private static final int MAX_BATCH = 512;
    /** The second key of the PostgreSQL advisory lock the log's writers take ('nonc'). */
    private static final int LOCK_KEY = 0x6e6f6e63;

    /** What the writer thread is asked to do: decide a claim, or forget old nonces. */
    private sealed interface Job permits Claim, Purge {
    }

    private record Claim(String accessKeyId, String nonce, SpentNonces.Fingerprint fingerprint, long now,
            long windowStart, CompletableFuture<Boolean> won) implements Job {
    }

    private record Purge(long before, CompletableFuture<Integer> removed) implements Job {
    }

    private final Database db;
    private final DataSource log;
    private final Database.Dialect dialect;
    private final SpentNonces spent = new SpentNonces();
    private final LinkedBlockingQueue<Job> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** The last log entry read or written by this node: the next batch reads what others appended after it. */
    private long lastSeq;
    private volatile boolean closed;

    public NonceRepository(Database db) {
        this.db = db;
        this.log = db.nonceLog();
        this.dialect = db.dialect();
        this.writer = Thread.ofPlatform().daemon().name("swasd-nonce-writer").start(this::run);
    }

    /** @return true when the nonce was free (or last spent before {@code windowStartMillis}) and is now spent */
    public boolean claim(String accessKeyId, String nonce, long nowMillis, long windowStartMillis) {
        // the hash is computed here, on the caller's thread, not on the one writer
        Claim claim = new Claim(accessKeyId, nonce, SpentNonces.Fingerprint.of(accessKeyId, nonce), nowMillis,
                windowStartMillis, new CompletableFuture<>());
        return submit(claim, claim.won());
    }

    /** Forgets nonces spent before {@code windowStartMillis}; they can no longer be replayed anyway. */
    public int purgeBefore(long windowStartMillis) {
        Purge purge = new Purge(windowStartMillis, new CompletableFuture<>());
        return submit(purge, purge.removed());
    }

    private <T> T submit(Job job, CompletableFuture<T> outcome) {
        if (closed) {
            throw new StoreException("the nonce store is closed", null);
        }
        pending.add(job);
        try {
            // not interruptible: once queued, the claim may be logged, and the caller must hear how it ended
            return outcome.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException("nonce log failed", e.getCause());
        }
    }

    private void run() {
        boolean loaded = false;
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !pending.isEmpty()) {
            try {
                Job first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                if (!loaded) {
                    // before the first decision, not in the constructor: start-up does not wait for it
                    load();
                    loaded = true;
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | SQLException e) {
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        for (Job job; (job = pending.poll()) != null; ) {
            fail(List.of(job), new StoreException("the nonce store is closed", null));
        }
    }

    /** Every nonce the log holds, and on SQLite what an older swasd left in the database itself. */
    private void load() throws SQLException {
        if (dialect == Database.Dialect.SQLITE) {
            moveLegacyNonces();
        }
        try (Connection c = log.getConnection()) {
            readAfter(c, Long.MIN_VALUE);
        }
    }

    /**
     * Before migration V8, SQLite kept spent nonces in the database file (V8 renamed that table to
     * {@code nonces_v1}); they move to the log once, so an upgrade forgets none.
     */
    private void moveLegacyNonces() throws SQLException {
        List<Object[]> rows = db.withConnection(c -> {
            List<Object[]> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet t = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'nonces_v1'")) {
                if (!t.next()) {
                    return null;
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT access_key_id, nonce, seen_at FROM nonces_v1 ORDER BY seen_at")) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)});
                }
            }
            return out;
        });
        if (rows == null) {
            return;
        }
        try (Connection c = log.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Object[] r : rows) {
                    ps.setString(1, (String) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setLong(3, (Long) r[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
        // another node starting at the same time may have moved them too: a nonce twice in the log is harmless
        db.writeStatement(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DROP TABLE IF EXISTS nonces_v1");
            }
        });
        LOG.info("moved {} spent nonces from the database to its nonce log", rows.size());
    }

    private static final String INSERT = "INSERT INTO nonce_log (access_key_id, nonce, seen_at) VALUES (?, ?, ?)";

    /** Reads the log after {@code seq} into memory: what other nodes spent since this one last looked. */
    private void readAfter(Tx tx, long seq) {
        tx.query("SELECT seq, access_key_id, nonce, seen_at FROM nonce_log WHERE seq > ? ORDER BY seq", rs -> {
            spent.add(SpentNonces.Fingerprint.of(rs.getString(2), rs.getString(3)), rs.getLong(4));
            lastSeq = Math.max(lastSeq, rs.getLong(1));
            return null;
        }, seq);
    }

    private void readAfter(Connection c, long seq) {
        readAfter(new Tx(c, dialect), seq);
    }

    /**
     * One transaction for the batch: the log's lock, what others logged, the decisions, the winners
     * appended. Its statements are kept per connection (Tx), as a batch is often a claim or two.
     */
    private void write(List<Job> batch) throws SQLException {
        Map<SpentNonces.Fingerprint, Long> won = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        boolean[] decisions = new boolean[batch.size()];
        long forgetBefore = Long.MIN_VALUE;
        int removed = 0;
        try (Connection c = log.getConnection()) {
            Tx tx = new Tx(c, dialect);
            begin(c, tx);
            try {
                readAfter(tx, lastSeq);
                for (int i = 0; i < batch.size(); i++) {
                    switch (batch.get(i)) {
                        case Claim claim -> {
                            Long earlier = won.get(claim.fingerprint());
                            boolean free = (earlier == null || earlier < claim.windowStart())
                                    && !spent.spentSince(claim.fingerprint(), claim.windowStart());
                            decisions[i] = free;
                            if (free) {
                                won.put(claim.fingerprint(), claim.now());
                                rows.add(new Object[] {claim.accessKeyId(), claim.nonce(), claim.now()});
                            }
                        }
                        case Purge purge -> forgetBefore = Math.max(forgetBefore, purge.before());
                    }
                }
                tx.batch(INSERT, rows);
                if (forgetBefore != Long.MIN_VALUE) {
                    removed = tx.update(PURGE, forgetBefore);
                }
                long last = rows.isEmpty() ? lastSeq : lastSeqAfter(tx, rows.size());
                commit(c, tx);
                lastSeq = last;
            } catch (SQLException | RuntimeException e) {
                rollback(c, tx);
                throw e;
            }
        }
        // only now, committed, do the winners count as spent
        won.forEach(spent::add);
        if (forgetBefore != Long.MIN_VALUE) {
            spent.forgetBefore(forgetBefore);
        }
        // these claims' requests arrived before this look: reads they make next find others' commits counted
        db.lookForOthersCommits();
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i)) {
                case Claim claim -> claim.won().complete(decisions[i]);
                case Purge purge -> purge.removed().complete(removed);
            }
        }
    }

    /**
     * Forgets entries older than the bound, up to the first one that is not: seq and seen_at grow
     * together (but for the clocks of several nodes), so no index on seen_at is needed. The newest
     * entry always stays, whatever its age, so SQLite's next seq (the largest plus one) never
     * goes back to numbers a node has already read past.
     */
    private static final String PURGE = "DELETE FROM nonce_log WHERE seq < COALESCE("
            + "(SELECT seq FROM nonce_log WHERE seen_at >= ? ORDER BY seq LIMIT 1), (SELECT MAX(seq) FROM nonce_log))";

    /**
     * The log's last seq once this batch's rows are in. SQLite numbers them after the largest,
     * which is the last this node read (the batch holds the lock, and read what others appended
     * first); PostgreSQL's sequence leaves gaps, so there it is asked.
     */
    private long lastSeqAfter(Tx tx, int appended) {
        return dialect == Database.Dialect.SQLITE ? lastSeq + appended : tx.count("SELECT MAX(seq) FROM nonce_log");
    }

    /**
     * SQLite: BEGIN IMMEDIATE takes the log file's writer lock, and plain statements keep the
     * driver from beginning the next transaction at each commit. PostgreSQL: an advisory lock,
     * held till the commit, in a READ COMMITTED transaction, so that the read after it sees what
     * the previous holder committed.
     */
    private void begin(Connection c, Tx tx) throws SQLException {
        if (dialect == Database.Dialect.SQLITE) {
            tx.update("BEGIN IMMEDIATE");
        } else {
            c.setAutoCommit(false);
            tx.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, Database.LOCK_SPACE, LOCK_KEY);
        }
    }

    private void commit(Connection c, Tx tx) throws SQLException {
        if (dialect == Database.Dialect.SQLITE) {
            tx.update("COMMIT");
        } else {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private void rollback(Connection c, Tx tx) {
        try {
            if (dialect == Database.Dialect.SQLITE) {
                tx.update("ROLLBACK");
            } else {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("rollback of a nonce batch failed: {}", e.getMessage());
        }
    }

    private static void fail(List<Job> batch, Exception e) {
        RuntimeException failure = e instanceof RuntimeException r ? r
                : TransientConflict.translate("nonce log failed", (SQLException) e);
        for (Job job : batch) {
            switch (job) {
                case Claim claim -> claim.won().completeExceptionally(failure);
                case Purge purge -> purge.removed().completeExceptionally(failure);
            }
        }
    }

    /** Decides what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
