package dev.swasd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool and schema of one database, SQLite or PostgreSQL, chosen by JDBC URL.
 * Opening it migrates the schema to the newest version.
 */
public final class Database implements AutoCloseable {
    /** Which engine is behind the URL; a few statements differ. */
    public enum Dialect {
        SQLITE,
        POSTGRESQL
    }

    /**
     * How hard a commit is pushed to disk before the client hears 200 (docs/durability.md).
     * NORMAL survives a crash of the swasd process; STRICT also survives power loss or an OS
     * crash, at the price of an fsync per commit.
     */
    public enum Durability {
        NORMAL,
        STRICT;

        /** {@code normal} or {@code strict}, any case; empty for anything else. */
        public static Optional<Durability> named(String text) {
            for (Durability d : values()) {
                if (d.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How to open the pool.
     *
     * @param durability    what a commit promises
     * @param meterRegistry a Micrometer {@code MeterRegistry} for the pool's metrics, or null; typed
     *                      Object, as Hikari takes it, so the store needs no metrics library
     */
    public record Options(Durability durability, Object meterRegistry) {
        public static final Options DEFAULT = new Options(Durability.NORMAL, null);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * One queue of writers per SQLite file in this JVM. SQLite lets one connection write at a
     * time, and a connection waiting for that lock waits in native code (its busy handler), which
     * pins a virtual thread to its carrier: with as many waiters as cores, the writer holding the
     * lock may never get a carrier back to commit, and everyone waits out the busy timeout. Waiting
     * here, in Java, unmounts instead. Each Database's writes run on its group-commit thread, which
     * takes this lock per batch, so several Databases on one file in one JVM and the checkpointer's
     * log restarts take turns.
     */
    private static final ConcurrentHashMap<String, ReentrantLock> SQLITE_WRITERS = new ConcurrentHashMap<>();
    /** How long a SQLite statement waits for a lock another connection holds. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 30_000;

    /**
     * How long a request waits for a connection before it is answered 503 ServiceUnavailable
     * (docs/decisions.md): a database that cannot be reached is told within this, not after
     * Hikari's default 30 s, and the pool reconnects by itself once it is back.
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    /** Reads, auto-commit statements and maintenance (migrations, export); READ COMMITTED on PostgreSQL. */
    private final HikariDataSource pool;
    /**
     * Write transactions. On PostgreSQL a pool of its own whose connections are SERIALIZABLE from
     * the start, so a transaction needs no SET before and after it (two round trips of every
     * write); on SQLite the same pool as reads.
     */
    private final HikariDataSource writePool;

    private final Dialect dialect;
    private final MigrationVersion schemaVersion;
    /** This file's writer queue on SQLite (taken by GroupCommit and WalCheckpointer); null on PostgreSQL. */
    private final ReentrantLock writers;
    /** SQLite's background checkpoints; null on PostgreSQL. */
    private final WalCheckpointer checkpointer;
    /** SQLite's write transactions, several to a commit; null on PostgreSQL. */
    private final GroupCommit groupCommit;
    /** Where spent nonces are logged (NonceRepository): files beside SQLite, a table of PostgreSQL. */
    private final NonceLog nonceLog;
    /** SQLite: the count of commits readers go by (see {@link #changeVersion}); null on PostgreSQL. */
    private final ChangeWatch changes;

    private Database(
            HikariDataSource pool,
            HikariDataSource writePool,
            NonceLog nonceLog,
            ChangeWatch changes,
            Dialect dialect,
            MigrationVersion schemaVersion,
            String jdbcUrl) {
        this.changes = changes;
        this.pool = pool;
        this.writePool = writePool;
        this.nonceLog = nonceLog;
        this.dialect = dialect;
        this.schemaVersion = schemaVersion;
        this.writers = dialect == Dialect.SQLITE
                ? SQLITE_WRITERS.computeIfAbsent(sqliteFile(jdbcUrl), k -> new ReentrantLock())
                : null;
        this.checkpointer = dialect == Dialect.SQLITE ? new WalCheckpointer(pool, writers) : null;
        this.groupCommit = dialect == Dialect.SQLITE
                ? new GroupCommit(writePool, writers, "swasd-sqlite-writer", changes::committed)
                : null;
    }

    /** The file behind a SQLite URL, absolute, so every spelling of one file shares one queue. */
    private static String sqliteFile(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        file = q < 0 ? file : file.substring(0, q);
        try {
            return Path.of(file).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            return file; // :memory: and other special names
        }
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Options.DEFAULT);
    }

    public static Database open(String jdbcUrl, String user, String password, Options options) {
        Dialect dialect = dialectOf(jdbcUrl);
        if (dialect == Dialect.SQLITE) {
            createPrivately(sqliteFile(jdbcUrl));
        }
        HikariDataSource pool = openPool(poolConfig(jdbcUrl, user, password, options, dialect), jdbcUrl);
        MigrationVersion version;
        try {
            // portable migrations, and the few that must differ per engine
            // through SLF4J always: without a provider (a test class path that embeds swasd) Flyway
            // would pick java.util.logging and print every migration
            Flyway flyway = Flyway.configure()
                    .loggers("slf4j")
                    .dataSource(pool)
                    .locations(
                            "classpath:db/migration",
                            "classpath:db/vendor/" + (dialect == Dialect.SQLITE ? "sqlite" : "postgresql"))
                    .load();
            flyway.migrate();
            version = newestKnownMigration(flyway);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        HikariDataSource writePool = pool;
        NonceLog nonceLog;
        ChangeWatch changes = null;
        if (dialect == Dialect.POSTGRESQL) {
            HikariConfig writes = poolConfig(jdbcUrl, user, password, options, dialect);
            writes.setPoolName("swasd-db-write");
            writes.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
            // the nonce log has a pool of its own: on the read pool, the one nonce writer queued for
            // a connection behind every read in flight, and every request waits for its nonce
            HikariConfig nonces = poolConfig(jdbcUrl, user, password, options, dialect);
            nonces.setPoolName("swasd-db-nonces");
            nonces.setMaximumPoolSize(2);
            nonces.setMinimumIdle(1);
            try {
                writePool = openPool(writes, jdbcUrl);
                nonceLog = new NonceLogTable(openPool(nonces, jdbcUrl));
            } catch (StoreException e) {
                if (writePool != pool) {
                    writePool.close();
                }
                pool.close();
                throw e;
            }
        } else {
            Path file = Path.of(sqliteFile(jdbcUrl));
            try {
                changes = ChangeWatch.open(jdbcUrl, file);
                nonceLog = NonceLogFiles.open(file, options.durability() == Durability.STRICT);
            } catch (StoreException e) {
                if (changes != null) {
                    changes.close();
                }
                pool.close();
                throw e;
            }
        }
        Database db = new Database(pool, writePool, nonceLog, changes, dialect, version, jdbcUrl);
        if (dialect == Dialect.POSTGRESQL && options.durability() == Durability.STRICT) {
            db.warnWhenServerDoesNotSync();
        }
        return db;
    }

    /**
     * A new SQLite file is made here, empty and 0600 (its directory 0700 when missing), before the
     * driver opens it: SQLite would create it with the umask's mode, and it gives the
     * {@code -wal} and {@code -shm} files it makes the database file's mode.
     */
    private static void createPrivately(String file) {
        if (file.startsWith(":") || file.startsWith("file:") || file.isEmpty()) {
            return; // :memory: and URIs, which name no plain file
        }
        Path path = Path.of(file);
        if (Files.exists(path)) {
            return;
        }
        try {
            if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
                PrivateFiles.createDirectories(path.getParent());
            }
            PrivateFiles.createFileIfMissing(path);
        } catch (IOException e) {
            throw new StoreException("cannot create the database file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Where spent nonces are logged (NonceRepository). */
    NonceLog nonceLog() {
        return nonceLog;
    }

    private static HikariDataSource openPool(HikariConfig config, String jdbcUrl) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    /** The settings of a pool (both pools on PostgreSQL); the caller names and opens it. */
    private static HikariConfig poolConfig(
            String jdbcUrl, String user, String password, Options options, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("swasd-db");
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run beside the one writer; IMMEDIATE makes a write transaction take
            // the write lock when it begins, so two writers queue instead of deadlocking on upgrade.
            config.addDataSourceProperty("journal_mode", "WAL");
            // NORMAL in WAL mode syncs at checkpoints only: a commit survives the process dying, but
            // the last few may be lost if the machine does. FULL syncs the WAL on every commit.
            config.addDataSourceProperty("synchronous", options.durability() == Durability.STRICT ? "FULL" : "NORMAL");
            config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // the driver otherwise prepares and runs `SELECT last_insert_rowid()` after every
            // insert, for getGeneratedKeys, which swasd never calls (its keys are its own ids)
            config.addDataSourceProperty("jdbc.get_generated_keys", "false");
            // checkpoints run in the background, not inside a request's commit (WalCheckpointer)
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(16);
            if (options.durability() == Durability.STRICT) {
                // the server's, database's or role's default may be off or local; strict raises
                // those to on (WAL flushed at every commit, and standbys' as configured) for
                // swasd's own sessions, and keeps the stronger remote_write / remote_apply
                config.setConnectionInitSql("SELECT set_config('synchronous_commit', CASE WHEN "
                        + "current_setting('synchronous_commit') IN ('off', 'local') THEN 'on' "
                        + "ELSE current_setting('synchronous_commit') END, false)");
            }
        }
        if (options.meterRegistry() != null) {
            config.setMetricRegistry(options.meterRegistry());
        }
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return config;
    }

    /** The newest migration this build carries (not one a newer node may have applied since). */
    private static MigrationVersion newestKnownMigration(Flyway flyway) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() != null
                    && m.getState().isResolved()
                    && m.getVersion().compareTo(newest) > 0) {
                newest = m.getVersion();
            }
        }
        return newest;
    }

    /** synchronous_commit=on promises nothing when the server itself never fsyncs; say so once. */
    private void warnWhenServerDoesNotSync() {
        try {
            String fsync = withConnection(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SHOW fsync")) {
                    return rs.next() ? rs.getString(1) : "on";
                }
            });
            if ("off".equalsIgnoreCase(fsync)) {
                LOG.warn("--durability strict: the PostgreSQL server runs with fsync=off, so commits are not "
                        + "on disk when acknowledged; turn fsync on for the promise to hold");
            }
        } catch (RuntimeException e) {
            LOG.debug("could not read the server's fsync setting: {}", e.getMessage());
        }
    }

    /** The schema version this node was built for, e.g. {@code 2}; exports carry it. */
    public String schemaVersion() {
        return schemaVersion.getVersion();
    }

    /** Negative, zero or positive as {@code version} is older than, equal to or newer than this schema. */
    public int compareToSchema(String version) {
        return MigrationVersion.fromVersion(version).compareTo(schemaVersion);
    }

    /** Whether this node can serve: the database answers, and its schema has this build's migrations. */
    public record Readiness(boolean ready, String reason) {
        static final Readiness READY = new Readiness(true, null);
    }

    /**
     * One connection and one small query: the schema history must hold this build's newest
     * migration as applied, and no failed migration (a half-done upgrade by another node, or a
     * database restored from an older backup, make the node unready rather than fail requests).
     */
    public Readiness readiness() {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            boolean applied = false;
            while (rs.next()) {
                String version = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return new Readiness(false, "migration " + version + " failed");
                }
                applied |=
                        version != null && MigrationVersion.fromVersion(version).equals(schemaVersion);
            }
            return applied
                    ? Readiness.READY
                    : new Readiness(false, "schema version " + schemaVersion() + " is not applied");
        } catch (SQLException | RuntimeException e) {
            return new Readiness(false, "database unreachable");
        }
    }

    static Dialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new StoreException(
                "unsupported database URL " + redact(jdbcUrl)
                        + " (use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB)",
                null);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Work that reads or writes inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: all of it commits, or none of it. On PostgreSQL the
     * transaction is SERIALIZABLE, so checks such as quotas hold under concurrency; a loser gets
     * {@link TransientConflict} and may run again. On SQLite writes run one at a time on the
     * group-commit thread, each in a savepoint of a shared transaction (GroupCommit); {@code work}
     * must not start another write.
     */
    public <T> T inTransaction(Work<T> work) {
        if (groupCommit != null) {
            return groupCommit.run(work);
        }
        try (Connection c = writePool.getConnection()) {
            return transact(c, work);
        } catch (SQLException e) {
            throw TransientConflict.translate("database failure", e);
        }
    }

    /**
     * Runs {@code work}, which writes one statement (an upsert, a purge): on PostgreSQL on a
     * connection in auto-commit mode, on SQLite in the next group commit like any other write.
     * Writes outside {@link #inTransaction} and {@link #write} must come through here, so that on
     * SQLite they queue with the other writers.
     */
    public <T> T writeStatement(Work<T> work) {
        if (groupCommit != null) {
            return groupCommit.run(work); // in a transaction with other writes: one statement is atomic all the same
        }
        return withConnection(work);
    }

    /** {@code work} on {@code c} in one transaction: committed when it returns, rolled back when it throws. */
    static <T> T transact(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false); // on PostgreSQL the write pool's connections are SERIALIZABLE already
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The first key of swasd's PostgreSQL advisory locks ('swas'), apart from other users of the database. */
    static final int LOCK_SPACE = 0x73776173;

    /**
     * Runs {@code work} in one transaction, one at a time among writers that name the same
     * {@code key} on every node of the database. On PostgreSQL a session advisory lock is taken
     * before the transaction begins, so its SERIALIZABLE snapshot already sees the previous
     * writer's commit: writes of one account (whose quota counts and tokens read each other's
     * rows) stop failing serialization over and over under load, which SERIALIZABLE alone did.
     * SQLite runs one writer at a time anyway.
     */
    public <T> T write(String key, TxWork<T> work) {
        if (dialect != Dialect.POSTGRESQL) {
            return write(work);
        }
        try (Connection c = writePool.getConnection()) {
            advisoryLock(c, "pg_advisory_lock", key);
            try {
                return transact(c, tx -> work.run(new Tx(tx, dialect)));
            } finally {
                try {
                    advisoryLock(c, "pg_advisory_unlock", key);
                } catch (SQLException e) {
                    // a connection that may still hold the lock must never serve another writer
                    writePool.evictConnection(c);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw TransientConflict.translate("database failure", e);
        }
    }

    private static void advisoryLock(Connection c, String function, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, key);
            ps.execute();
        }
    }

    /** Writes waiting for the next group commit; 0 without one. */
    int queuedWrites() {
        return groupCommit == null ? 0 : groupCommit.queued();
    }

    /** Work on a {@link Tx}. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx);
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T write(TxWork<T> work) {
        return inTransaction(c -> work.run(new Tx(c, dialect)));
    }

    /**
     * Whether {@link #changeVersion} can tell a reader cheaply that nothing changed: on SQLite,
     * where a connection sees others' commits in its data version. PostgreSQL has nothing as
     * cheap, so results there are never kept for reuse.
     */
    public boolean tracksChanges() {
        return changes != null;
    }

    /**
     * A number that moves whenever what the database holds may have changed, with every commit
     * finished before {@code sinceNanos} (System.nanoTime) counted in it: this node's (counted as
     * they commit) and anyone else's (see ChangeWatch). So a result read after this call and kept
     * with the number is still the database's for a request that arrived at {@code sinceNanos} if
     * this call answers that request the same number. Only where {@link #tracksChanges}.
     */
    public long changeVersion(long sinceNanos) {
        if (changes == null) {
            throw new IllegalStateException("this database does not track changes");
        }
        return changes.version(sinceNanos);
    }

    /**
     * Looks for others' commits now (the nonce writer does, once per batch, so that requests
     * waiting for their claims find a look that began after they arrived).
     */
    void lookForOthersCommits() {
        if (changes != null) {
            changes.look();
        }
    }

    /** Runs read-only {@code work} without holding a write lock (each statement sees committed data). */
    public <T> T read(TxWork<T> work) {
        return withConnection(c -> work.run(new Tx(c, dialect)));
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: one statement, one transaction. For
     * reads; a write goes through {@link #writeStatement}.
     */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw TransientConflict.translate("database failure", e);
        }
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close(); // commits what is queued
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        nonceLog.close();
        if (changes != null) {
            changes.close();
        }
        if (writePool != pool) {
            writePool.close();
        }
        pool.close(); // the last SQLite connection to close checkpoints what is left
    }

    /** The URL with any password hidden, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
