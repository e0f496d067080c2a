package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Prepared statements kept per physical connection, so a request's queries are compiled once per
 * connection rather than once per request: on SQLite, preparing (parsing and planning) was about
 * a third of a ListCustomImages' database time (docs/performance.md). The pool's connection
 * proxies close every statement made through them when the connection is returned, so statements
 * are prepared on the physical connection underneath; they live as long as it does (closing a
 * connection finalizes its statements) and its entry here goes with it (weak keys).
 *
 * <p>A connection is used by one thread at a time (it is checked out of the pool), so each
 * connection's own map needs no locking; only the map of connections does.
 */
final class StatementCache {
    /** Distinct statements kept per connection; IN lists of every length and filter combinations stay well under it. */
    private static final int PER_CONNECTION = 256;

    private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION =
            Collections.synchronizedMap(new WeakHashMap<>());

    private StatementCache() {}

    /** The statements of the physical connection behind {@code connection} (a pool proxy or the connection itself). */
    static Map<String, PreparedStatement> of(Connection connection) throws SQLException {
        return BY_CONNECTION.computeIfAbsent(physical(connection), c -> new Lru());
    }

    /** A statement ready for new parameters: from the cache, or prepared on the physical connection and kept. */
    static PreparedStatement prepare(Connection connection, Map<String, PreparedStatement> cache, String sql)
            throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps != null && !ps.isClosed()) {
            return ps;
        }
        ps = physical(connection).prepareStatement(sql);
        cache.put(sql, ps);
        return ps;
    }

    private static Connection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
    }

    static void discard(Map<String, PreparedStatement> cache, String sql) {
        PreparedStatement ps = cache.remove(sql);
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // it is being dropped because it failed; a second failure changes nothing
            }
        }
    }

    /** Least recently used statements are closed once a connection has more than {@link #PER_CONNECTION}. */
    private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
        Lru() {
            super(64, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // closing a statement of a live connection does not fail in either driver
            }
            return true;
        }
    }
}
