package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open database transaction (or, for reads, one auto-commit connection), handed to domain
 * code so that everything a request does commits together. Domain code only passes it on to
 * repositories; the small query helpers here keep the repositories free of JDBC boilerplate.
 */
public final class Tx {
    private final Connection connection;
    private final Database.Dialect dialect;
    /** This connection's kept statements, looked up on first use. */
    private Map<String, PreparedStatement> statements;

    Tx(Connection connection, Database.Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    public Database.Dialect dialect() {
        return dialect;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try (ResultSet rs = prepare(sql, args).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            forget(sql);
            throw TransientConflict.translate("query failed", e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long count(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public int update(String sql, Object... args) {
        try {
            return prepare(sql, args).executeUpdate();
        } catch (SQLException e) {
            forget(sql);
            throw TransientConflict.translate("update failed", e);
        }
    }

    /**
     * One statement run once per row of arguments, sent together (one round trip on PostgreSQL):
     * for writes that touch many rows each by their own key.
     *
     * @return the rows each run changed, in order
     */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try {
            PreparedStatement ps = null;
            for (Object[] args : rows) {
                ps = prepare(sql, args);
                ps.addBatch();
            }
            return ps.executeBatch();
        } catch (SQLException e) {
            forget(sql);
            throw TransientConflict.translate("update failed", e);
        }
    }

    /** A kept statement (see {@link StatementCache}) with {@code args} bound; the caller must not close it. */
    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        if (statements == null) {
            statements = StatementCache.of(connection);
        }
        PreparedStatement ps = StatementCache.prepare(connection, statements, sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                // untyped, so PostgreSQL infers the column's type (a VARCHAR null cannot go into BIGINT)
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, a);
            }
        }
        return ps;
    }

    /** A statement that failed is not kept: whatever state the driver left it in goes with it. */
    private void forget(String sql) {
        if (statements != null) {
            StatementCache.discard(statements, sql);
        }
    }

    /** Two writers raced for one key; the loser learns here. */
    public static final class DuplicateKeyException extends TransientConflict {
        DuplicateKeyException(SQLException cause) {
            super(cause);
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
