package dev.swasd.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the commits a SQLite database has seen, so that a result read from it can be reused
 * while the count stands still (the read cache of the server). This node's own commits are
 * counted as they happen, before their callers hear of them; others' (another node on the file,
 * {@code swasd admin}) show in the data version of a connection kept for watching, which moves
 * whenever any other connection commits. Looking costs a statement (and SQLite's file locks), so
 * it is not done per read: the nonce writer looks once per batch, after the batch's claims were
 * queued, and every API request waits for its claim, so a read usually finds a look that began
 * after it arrived; when it does not, it looks itself.
 */
final class ChangeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    private final Connection watcher;
    private final ReentrantLock looking = new ReentrantLock();
    private final AtomicLong changes = new AtomicLong();
    /** When the latest look began (System.nanoTime); every commit finished before then is counted. */
    private volatile long lookedAt = Long.MIN_VALUE;
    private long dataVersion = Long.MIN_VALUE;

    private ChangeWatch(Connection watcher) {
        this.watcher = watcher;
    }

    static ChangeWatch open(String jdbcUrl) {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
            }
            ChangeWatch watch = new ChangeWatch(c);
            watch.look();
            return watch;
        } catch (SQLException e) {
            throw new StoreException("cannot watch the database for changes: " + e.getMessage(), e);
        }
    }

    /** A commit of this node's; called after it committed, before anyone is told. */
    void committed() {
        changes.incrementAndGet();
    }

    /**
     * The count, with every commit that finished before {@code sinceNanos} (System.nanoTime) in it:
     * from the latest look if that began after, else from a look made now.
     */
    long version(long sinceNanos) {
        if (lookedAt - sinceNanos <= 0) {
            look();
        }
        return changes.get();
    }

    /** Reads the watcher's data version; if it moved, someone else committed since the last look. */
    void look() {
        looking.lock();
        try {
            long started = System.nanoTime();
            long version;
            try (Statement s = watcher.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                rs.next();
                version = rs.getLong(1);
            } catch (SQLException e) {
                // not knowing counts as a change: a reader then reads afresh, which is always right
                LOG.debug("could not read the data version: {}", e.getMessage());
                version = Long.MIN_VALUE;
            }
            if (version != dataVersion || version == Long.MIN_VALUE) {
                changes.incrementAndGet();
            }
            dataVersion = version;
            // published after the count, so whoever sees this time sees the count it implies
            lookedAt = started;
        } finally {
            looking.unlock();
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (SQLException ignored) {
            // closing a read-only connection; nothing of the database depends on it
        }
    }
}
