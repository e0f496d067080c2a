package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open database transaction (or, for reads, one auto-commit connection), handed to domain
 * code so that everything a request does commits together. Domain code only passes it on to
 * repositories; the small query helpers here keep the repositories free of JDBC boilerplate.
 */
public final class Tx {
    private final Connection connection;
    private final Database.Dialect dialect;

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
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
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
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateKeyException(e);
            }
            throw new StoreException("update failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, a);
            }
        }
        return ps;
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = e.getSQLState();
        // PostgreSQL: 23505; SQLite reports SQLITE_CONSTRAINT_PRIMARYKEY / _UNIQUE in the message
        return "23505".equals(state) || (e.getMessage() != null
                && (e.getMessage().contains("UNIQUE constraint failed")
                || e.getMessage().contains("PRIMARYKEY")));
    }

    /** Two writers raced for one key; the loser learns here. */
    public static final class DuplicateKeyException extends RuntimeException {
        DuplicateKeyException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** {@code ?, ?, ?} for an IN list of {@code n} values. */
    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
