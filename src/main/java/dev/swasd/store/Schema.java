package dev.swasd.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of swasd's schema as JDBC metadata describes them, on SQLite and PostgreSQL alike:
 * what an export walks, so a table a later migration adds is exported without code changes.
 */
final class Schema {
    /**
     * Kept out of exports: Flyway's own bookkeeping, and spent nonces, which matter for 15 minutes
     * only ({@code nonce_log} on PostgreSQL; on SQLite, {@code nonces_v1} until NonceRepository has
     * moved it to the log file; {@code nonces} before migration V8); and the request log (V19),
     * the node's history of calls rather than state, which can run to millions of rows (so a
     * control-API reset, which empties what an export walks, keeps it too).
     */
    static final Set<String> NOT_EXPORTED =
            Set.of("flyway_schema_history", "nonces", "nonces_v1", "nonce_log", "request_log");

    /** How a column's values travel in JSON, from its declared type (SQLite's affinity rules, roughly). */
    enum Kind {
        INTEGER,
        BOOLEAN,
        TEXT,
        REAL,
        DECIMAL,
        BINARY
    }

    record Column(String name, Kind kind, int sqlType) {}

    /** @param primaryKey column names in key order; empty when the table has none */
    record Table(String name, List<Column> columns, List<String> primaryKey) {
        Column column(String name) {
            for (Column c : columns) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    private Schema() {}

    /**
     * Every exported table, parents before children (by foreign key), ties by name, so inserting
     * in this order satisfies every reference and two exports of the same state are identical.
     */
    static List<Table> exportedTables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> tables = new TreeMap<>();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_EXPORTED.contains(name) && !name.startsWith("sqlite_")) {
                    tables.put(name, null);
                }
            }
        }
        for (String name : List.copyOf(tables.keySet())) {
            tables.put(name, describe(md, schema, name));
            Set<String> refs = new TreeSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(name)) {
                        refs.add(parent);
                    }
                }
            }
            parents.put(name, refs);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            // the first table by name whose parents are all placed: children follow their parents closely
            for (String name : tables.keySet()) {
                if (!placed.contains(name) && placed.containsAll(refsWithin(parents.get(name), tables.keySet()))) {
                    placed.add(name);
                    ordered.add(tables.get(name));
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                throw new StoreException("the foreign keys between tables form a cycle: " + tables.keySet(), null);
            }
        }
        return ordered;
    }

    private static Set<String> refsWithin(Set<String> refs, Set<String> known) {
        Set<String> out = new TreeSet<>(refs);
        out.retainAll(known);
        return out;
    }

    private static Table describe(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        // a pattern argument: escape the _ of names such as custom_images
        String escape = md.getSearchStringEscape();
        String pattern = escape == null
                ? table
                : table.replace(escape, escape + escape)
                        .replace("_", escape + "_")
                        .replace("%", escape + "%");
        try (ResultSet rs = md.getColumns(null, schema, pattern, "%")) {
            while (rs.next()) {
                if (!table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    continue; // a driver that ignores the escape matched a look-alike name
                }
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                String type = rs.getString("TYPE_NAME");
                byPosition.put(
                        rs.getInt("ORDINAL_POSITION"),
                        new Column(name, kindOf(table, name, type), rs.getInt("DATA_TYPE")));
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new Table(table, List.copyOf(byPosition.values()), List.copyOf(new LinkedHashMap<>(key).values()));
    }

    static Kind kindOf(String table, String column, String declared) {
        String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (t.contains("BOOL")) {
            return Kind.BOOLEAN;
        }
        if (t.contains("INT")) {
            return Kind.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("TEXT") || t.contains("CLOB")) {
            return Kind.TEXT;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Kind.REAL;
        }
        if (t.contains("NUMERIC") || t.contains("DECIMAL")) {
            return Kind.DECIMAL;
        }
        if (t.contains("BLOB") || t.contains("BYTEA") || t.contains("BINARY")) {
            return Kind.BINARY;
        }
        throw new StoreException(
                "column " + table + "." + column + " has type " + declared
                        + ", which export and import do not handle (use INTEGER, BIGINT, VARCHAR or TEXT)",
                null);
    }
}
