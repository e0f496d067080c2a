package dev.swasd.store;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * {@code swasd admin}, any program) are seen by looking at the header of the database's
 * write-ahead log index, which every commit rewrites. Nonce batches look once per batch, after
 * their claims were queued, and every API request waits for its claim, so a read usually finds a
 * look that began after it arrived; when it does not, it looks itself.
 *
 * <p>Looking reads the index header where SQLite keeps it, the {@code -shm} file every connection
 * maps, as {@code https://www.sqlite.org/walformat.html} documents it: 48 bytes, written by each
 * commit before the commit returns (the maximum frame, the salts and a checksum change with every
 * one). That is a read of shared memory. When the file cannot be mapped, or its header is not of
 * the documented version, a look asks SQLite instead ({@code PRAGMA data_version} on a connection
 * kept for it, which moves when another connection commits): a statement, and SQLite's file locks,
 * about ten microseconds, which at moderate rates was a tenth of a request's cost.
 */
final class ChangeWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    /** The documented version of the log index header (iVersion, its first field). */
    private static final int WALINDEX_VERSION = 3007000;

    private static final int HEADER_BYTES = 48;

    private final Connection watcher;
    /** The index header, mapped from {@code <database>-shm}; null when only the pragma can tell. */
    private final MappedByteBuffer header;

    private final long[] lastHeader = new long[HEADER_BYTES / 8];
    private final ReentrantLock looking = new ReentrantLock();
    private final AtomicLong changes = new AtomicLong();
    /** When the latest look began (System.nanoTime); every commit finished before then is counted. */
    private volatile long lookedAt = Long.MIN_VALUE;

    private long dataVersion = Long.MIN_VALUE;

    private ChangeWatch(Connection watcher, MappedByteBuffer header) {
        this.watcher = watcher;
        this.header = header;
    }

    /** @param databaseFile the database's file, whose {@code -shm} holds the index (null: none, e.g. in memory) */
    static ChangeWatch open(String jdbcUrl, Path databaseFile) {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
                // a read makes SQLite open and map the index (this connection keeps it open)
                s.executeQuery("PRAGMA data_version").close();
            }
            ChangeWatch watch = new ChangeWatch(c, mapHeader(databaseFile));
            watch.look();
            return watch;
        } catch (SQLException e) {
            throw new StoreException("cannot watch the database for changes: " + e.getMessage(), e);
        }
    }

    private static MappedByteBuffer mapHeader(Path databaseFile) {
        if (databaseFile == null) {
            return null;
        }
        Path shm = databaseFile.resolveSibling(databaseFile.getFileName() + "-shm");
        try (FileChannel ch = FileChannel.open(shm, StandardOpenOption.READ)) {
            if (ch.size() < HEADER_BYTES) {
                return null;
            }
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, HEADER_BYTES);
            m.order(ByteOrder.nativeOrder()); // the index is in the machine's byte order
            return m.getInt(0) == WALINDEX_VERSION ? m : null;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot map {}; looking for changes through SQLite instead: {}", shm, e.getMessage());
            return null;
        }
    }

    /** Whether looks read the index header directly (tests). */
    boolean readsSharedMemory() {
        return header != null;
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

    /** Reads the index header (or the watcher's data version); if it moved, someone committed since the last look. */
    void look() {
        looking.lock();
        try {
            long started = System.nanoTime();
            if (header != null && lookAtHeader()) {
                lookedAt = started;
                return;
            }
            long version;
            try (Statement s = watcher.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA data_version")) {
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

    /**
     * Compares the header with the last one seen (a header torn by a commit in progress compares
     * as a change, which is never wrong); false when it is not of the documented version, and the
     * pragma must answer this look.
     */
    private boolean lookAtHeader() {
        VarHandle.acquireFence();
        boolean moved = false;
        try {
            if (header.getInt(0) != WALINDEX_VERSION) {
                return false;
            }
            for (int i = 0; i < lastHeader.length; i++) {
                long v = header.getLong(i * 8);
                if (v != lastHeader[i]) {
                    lastHeader[i] = v;
                    moved = true;
                }
            }
        } catch (InternalError e) {
            // the mapped file was cut short under us (the JVM turns the fault into this): ask SQLite
            return false;
        }
        if (moved) {
            changes.incrementAndGet();
        }
        return true;
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
