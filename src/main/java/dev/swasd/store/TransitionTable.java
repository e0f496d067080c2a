package dev.swasd.store;

/**
 * A table whose rows carry a {@link Transition} in the columns {@code status}, {@code next_status}
 * and {@code next_at}: the scheduler writes due transitions into it and counts its backlog the
 * same way for every resource type.
 *
 * @param versioned whether rows have a {@code version} column that a transition must move on, so an
 *                  optimistic writer that read the row before sees the change
 */
public record TransitionTable(String table, boolean versioned) {

    /** Writes every due transition, each exactly once whichever node runs first (one conditional UPDATE). */
    public int settleDue(Tx tx, long now) {
        return tx.update(
                "UPDATE " + table + " SET status = next_status, next_status = NULL, next_at = NULL"
                        + (versioned ? ", version = version + 1" : "") + " WHERE next_at IS NOT NULL AND next_at <= ?",
                now);
    }

    /**
     * @param pending rows with a transition scheduled
     * @param overdue rows past their time but not yet written, which stays near zero while the scheduler keeps up
     */
    public record Backlog(String table, long pending, long overdue) {}

    public Backlog backlog(Tx tx, long now) {
        return tx.one(
                        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN next_at <= ? THEN 1 ELSE 0 END), 0) FROM " + table
                                + " WHERE next_at IS NOT NULL",
                        rs -> new Backlog(table, rs.getLong(1), rs.getLong(2)),
                        now)
                .orElse(new Backlog(table, 0, 0));
    }
}
