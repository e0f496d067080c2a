package dev.swasd.store;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells a failure that passes by itself from a bug: the database cannot be reached (stopped,
 * restarting, refusing connections, no connection within {@link Database#CONNECTION_TIMEOUT}) or
 * has no room left (a full disk, under SQLite or PostgreSQL). The pipeline answers those with 503
 * {@code ServiceUnavailable} and a one-line warning instead of 500 and a stack trace; the pool
 * reconnects by itself once the database is back, and writes resume once space is.
 */
public final class Outage {
    /** SQLite's primary result codes for a full disk, an I/O error and a file it cannot open. */
    private static final int SQLITE_IOERR = 10;

    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private Outage() {}

    /** Whether {@code failure}, or any of its causes, is an outage; null when it is not. */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return "the database cannot be reached";
            }
            if (t instanceof SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                // 08: connection exception; 57P01-57P03: shutting down or starting; 53: out of resources
                // HikariCP's stand-in for a connection it closed as broken says only "Connection is closed"
                if (state.startsWith("08")
                        || state.startsWith("57P")
                        || (state.isEmpty() && "Connection is closed".equals(e.getMessage()))) {
                    return "the database cannot be reached";
                }
                if (state.startsWith("53")) {
                    return "the database is out of disk space or memory";
                }
                int primary = e.getErrorCode() & 0xff;
                if (e.getClass().getName().startsWith("org.sqlite.")) {
                    if (primary == SQLITE_FULL) {
                        return "the database's disk is full";
                    }
                    if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN) {
                        return "the database file cannot be read or written";
                    }
                }
            }
            if (t instanceof IOException e
                    && e.getMessage() != null
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("no space left")) {
                return "the disk is full";
            }
        }
        return null;
    }
}
