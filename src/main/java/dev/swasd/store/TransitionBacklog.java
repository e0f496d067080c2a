package dev.swasd.store;

import java.util.ArrayList;
import java.util.List;

/**
 * How many resources wait for a state transition, per table: a health signal for the scheduler
 * (StateSettler). {@code pending} rows have a transition scheduled; {@code overdue} ones are past
 * their time but not yet written, which stays near zero while the scheduler keeps up.
 */
public final class TransitionBacklog {
    /** The tables whose rows carry {@code next_status} / {@code next_at}. */
    public static final List<String> TABLES = List.of("instances", "snapshots", "custom_images");

    public record Count(String table, long pending, long overdue) {
    }

    public List<Count> count(Tx tx, long now) {
        List<Count> out = new ArrayList<>(TABLES.size());
        for (String table : TABLES) {
            out.add(tx.one("SELECT COUNT(*), COALESCE(SUM(CASE WHEN next_at <= ? THEN 1 ELSE 0 END), 0) FROM " + table
                    + " WHERE next_at IS NOT NULL", rs -> new Count(table, rs.getLong(1), rs.getLong(2)), now)
                    .orElse(new Count(table, 0, 0)));
        }
        return out;
    }
}
