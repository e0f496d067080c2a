package dev.swasd.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Lock;
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
 *
 * <p>A PASSIVE checkpoint copies the log but never rewinds it: SQLite starts the log again from
 * its beginning only when a writer finds every frame copied and no reader still using one, which
 * under steady load (a read always in flight, a write every millisecond) hardly ever happens. The
 * log would grow without bound, and every page a reader looks
 * up searches an index that grows with it, so reads slow the longer the load lasts. Once the
 * log passes {@link #RESTART_FRAMES}, this thread therefore takes the writers' queue and runs a
 * TRUNCATE checkpoint: little is left to copy after the PASSIVE one, and readers that start now
 * read the database file, so it only waits out the reads in flight, at most
 * {@link #RESTART_WAIT_MILLIS}; the log is then emptied and the next commit writes it from its
 * beginning. SQLite gives up at once when a reader held a frame during the copy, so an
 * unsuccessful restart is tried again after {@link #RETRY_MILLIS}, not a full interval later,
 * backing off to the interval if it keeps failing; a read that outlasts every wait (an export)
 * only postpones the restart.
 */
final class WalCheckpointer implements AutoCloseable {
    static final long INTERVAL_MILLIS = 100;
    /** About 4 MB of 4 KiB pages: SQLite's own automatic checkpoint threshold. */
    static final int RESTART_FRAMES = 1000;

    static final int RESTART_WAIT_MILLIS = 5;
    static final long RETRY_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource pool;
    private final Lock writers;
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code writers} is the queue every writer of this file takes, so a restart waits its turn in it. */
    WalCheckpointer(DataSource pool, Lock writers) {
        this.pool = pool;
        this.writers = writers;
        this.thread = Thread.ofPlatform().daemon().name("swasd-wal-checkpoint").unstarted(this::loop);
        thread.start();
    }

    private void loop() {
        int failedRestarts = 0;
        while (running) {
            try {
                Thread.sleep(pause(failedRestarts));
            } catch (InterruptedException e) {
                return;
            }
            failedRestarts = checkpoint() ? failedRestarts + 1 : 0;
        }
    }

    /**
     * The wait before the next round: a restart that failed is tried again soon, then less and
     * less often (10, 20, 40, 80 ms, then the interval), so a long read (an export) does not
     * hold the writers back for a few milliseconds out of every ten.
     */
    static long pause(int failedRestarts) {
        if (failedRestarts == 0) {
            return INTERVAL_MILLIS;
        }
        return Math.min(INTERVAL_MILLIS, RETRY_MILLIS << Math.min(failedRestarts - 1, 4));
    }

    /**
     * One PASSIVE checkpoint, and a TRUNCATE when the log has grown past {@link #RESTART_FRAMES};
     * a failure (the database closing, a full disk) is logged and retried next time. True when
     * the log is still long: the restart could not finish.
     */
    boolean checkpoint() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            if (run(s, "PASSIVE").frames() < RESTART_FRAMES) {
                return false;
            }
            writers.lock();
            try {
                s.execute("PRAGMA busy_timeout=" + RESTART_WAIT_MILLIS);
                try {
                    return run(s, "TRUNCATE").busy();
                } finally {
                    s.execute("PRAGMA busy_timeout=" + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
                }
            } finally {
                writers.unlock();
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                LOG.debug("WAL checkpoint failed; retrying in {} ms: {}", INTERVAL_MILLIS, e.getMessage());
            }
            return false;
        }
    }

    /** What a checkpoint reported: whether it was cut short by a lock, and the log's length in frames. */
    record Outcome(boolean busy, long frames) {}

    /** Runs one checkpoint of {@code mode} (PASSIVE, TRUNCATE ...) on {@code s}'s connection. */
    static Outcome run(Statement s, String mode) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            rs.next();
            return new Outcome(rs.getInt(1) != 0, rs.getLong(2)); // busy, log, checkpointed
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
