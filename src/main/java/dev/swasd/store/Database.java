package dev.swasd.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema of one database, SQLite or PostgreSQL, chosen by JDBC URL.
 * Opening it migrates the schema to the newest version.
 */
public final class Database implements AutoCloseable {
    /** Which engine is behind the URL; a few statements differ. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Dialect dialect;
    /**
     * SQLite has one writer at a time, and a writer waiting for its lock waits inside native code,
     * which pins the carrier of its virtual thread: two such waiters on a 2-core machine starve the
     * very thread that holds the lock. So this process queues its SQLite writers here, where a
     * waiting virtual thread parks properly, and SQLite's own busy wait is left for other processes.
     */
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock();

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = dialectOf(jdbcUrl);
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
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setMaximumPoolSize(16);
        }
        config.setConnectionTimeout(30_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the database at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(pool, dialect);
    }

    static Dialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new StoreException("unsupported database URL " + redact(jdbcUrl)
                + " (use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB)", null);
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
     * {@link TransientConflict} and may run again (SQLite serializes writers with IMMEDIATE).
     */
    public <T> T inTransaction(Work<T> work) {
        if (dialect == Dialect.SQLITE) {
            sqliteWriter.lock();
            try {
                return transaction(work);
            } finally {
                sqliteWriter.unlock();
            }
        }
        return transaction(work);
    }

    /** Runs one writing statement (auto-commit), queued behind other writers on SQLite. */
    public <T> T writeStatement(Work<T> work) {
        if (dialect == Dialect.SQLITE) {
            sqliteWriter.lock();
            try {
                return withConnection(work);
            } finally {
                sqliteWriter.unlock();
            }
        }
        return withConnection(work);
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            if (dialect == Dialect.POSTGRESQL) {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                if (dialect == Dialect.POSTGRESQL) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
            }
        } catch (SQLException e) {
            throw TransientConflict.translate("database failure", e);
        }
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

    /** Runs read-only {@code work} without holding a write lock (each statement sees committed data). */
    public <T> T read(TxWork<T> work) {
        return withConnection(c -> work.run(new Tx(c, dialect)));
    }

    /** Runs {@code work} on a connection in auto-commit mode: one statement, one transaction. */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw TransientConflict.translate("database failure", e);
        }
    }

    public boolean isReachable() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
