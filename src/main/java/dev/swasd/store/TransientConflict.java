package dev.swasd.store;

import java.sql.SQLException;

/**
 * A transaction lost a race with another one (serialization failure, deadlock, or two inserts
 * of one key). Nothing of it was committed; running it again from the start is safe and right.
 */
public class TransientConflict extends RuntimeException {
    public TransientConflict(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** What a JDBC failure means to the caller: retry, or give up. */
    static RuntimeException translate(String what, SQLException e) {
        String state = e.getSQLState();
        if ("23505".equals(state)
                || (e.getMessage() != null
                        && (e.getMessage().contains("UNIQUE constraint failed")
                                || e.getMessage().contains("PRIMARYKEY")))) {
            return new Tx.DuplicateKeyException(e);
        }
        // PostgreSQL serialization failure and deadlock; SQLite busy or locked past its timeout
        if ("40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 5 || e.getErrorCode() == 6) {
            return new TransientConflict(e);
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }
}
