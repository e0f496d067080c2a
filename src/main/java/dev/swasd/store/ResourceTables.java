package dev.swasd.store;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Empties every table of resources at once, keeping identities (the control API's {@code POST
 * /_swasd/reset}). The tables are found as an export finds them ({@link Schema}), so the tables of
 * a resource family a later migration adds are emptied without code here; what is kept is named
 * below: accounts, AccessKeys and everything of RAM, and (never exported) the spent nonces and
 * Flyway's history.
 */
public final class ResourceTables {
    /** Identity tables, kept by a reset; a later identity table must be added here. */
    static final Set<String> IDENTITIES = Set.of("accounts", "access_keys");

    static final String IDENTITY_PREFIX = "ram_";

    private final Database db;
    /** Children before parents; found once (the schema does not change while a node runs). */
    private volatile List<String> tables;

    public ResourceTables(Database db) {
        this.db = db;
    }

    /** The tables a reset empties, children before parents. */
    public List<String> tables() {
        List<String> t = tables;
        if (t == null) {
            t = db.withConnection(c -> {
                List<String> names = new ArrayList<>();
                for (Schema.Table table : Schema.exportedTables(c)) {
                    if (!IDENTITIES.contains(table.name()) && !table.name().startsWith(IDENTITY_PREFIX)) {
                        names.add(table.name());
                    }
                }
                Collections.reverse(names);
                return List.copyOf(names);
            });
            tables = t;
        }
        return t;
    }

    /** Deletes every row of {@link #tables} in one transaction; returns the rows deleted. */
    public long deleteAll() {
        List<String> names = tables();
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    long n = 0;
                    try (Statement s = c.createStatement()) {
                        for (String name : names) {
                            n += s.executeUpdate("DELETE FROM " + name);
                        }
                    }
                    return n;
                });
            } catch (TransientConflict e) {
                if (attempt == 5) {
                    throw e;
                }
                sleep(attempt * 20L);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while resetting", e);
        }
    }
}
