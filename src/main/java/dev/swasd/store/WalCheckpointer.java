package dev.swasd.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file from a background thread.
 *
 * <p>By default SQLite checkpoints inside whichever commit pushes the log past 1,000 pages, and a
 * checkpoint syncs the log and the database file: that commit, and every request queued behind
 * the writer, waits for two fsyncs (tens of milliseconds here). That was most of the 99th
 * percentile latency in {@code swasd bench}. The pool's connections therefore run with
 * {@code wal_autocheckpoint=0}, and this thread runs a PASSIVE checkpoint (which never blocks
 * readers or the writer) every {@link #INTERVAL_MILLIS}. What a commit promises is unchanged:
 * with synchronous=NORMAL a commit is in the log when acknowledged, and the log is synced at
 * checkpoints, now here; with synchronous=FULL every commit syncs the log itself.
 */
final class WalCheckpointer implements AutoCloseable {
    static final long INTERVAL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource pool;
    private final Thread thread;
    private volatile boolean running = true;

    WalCheckpointer(DataSource pool) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().daemon().name("swasd-wal-checkpoint").unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            checkpoint();
        }
    }

    /** One PASSIVE checkpoint; a failure (the database closing, a full disk) is logged and retried next time. */
    void checkpoint() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        } catch (SQLException | RuntimeException e) {
            if (running) {
                LOG.debug("WAL checkpoint failed; retrying in {} ms: {}", INTERVAL_MILLIS, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
