package dev.swasd.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whole state of a database as one JSON document, and back (docs/operations.md). Table
 * driven: every table the migrations made is exported but Flyway's history and the nonces, with
 * its columns as JDBC metadata describes them, so tables a later migration adds need no code
 * here. Rows are ordered by primary key, so the same state gives the same document on SQLite and
 * PostgreSQL.
 */
public final class Backup {
    public static final String FORMAT = "swasd-export";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    private Backup() {}

    /** A problem with the export file or the target the operator can fix; its message is one line. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Rows per table, in the order written or loaded. */
    public record Summary(Map<String, Integer> rows, String schemaVersion) {
        public int totalRows() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Writes every exported table in one read transaction (a consistent snapshot; on SQLite,
     * writers wait while it runs).
     *
     * @param masterKeyId the id of the key the secrets are encrypted with, or null when unknown
     */
    public static Summary export(Database db, OutputStream out, String masterKeyId) {
        return db.inTransaction(c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("formatVersion", FORMAT_VERSION);
                g.writeStringField("schemaVersion", db.schemaVersion());
                g.writeStringField("exportedAt", Instant.now().toString());
                g.writeStringField("masterKeyId", masterKeyId);
                g.writeObjectFieldStart("tables");
                for (Schema.Table t : Schema.exportedTables(c)) {
                    List<Object[]> rows = readRows(c, t);
                    g.writeArrayFieldStart(t.name());
                    for (Object[] row : rows) {
                        writeRow(g, t, row);
                    }
                    g.writeEndArray();
                    counts.put(t.name(), rows.size());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Summary(counts, db.schemaVersion());
        });
    }

    private static List<Object[]> readRows(Connection c, Schema.Table t) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < t.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(t.columns().get(i).name());
        }
        sql.append(" FROM ").append(t.name());
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                Object[] row = new Object[t.columns().size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = read(rs, i + 1, t.columns().get(i).kind());
                }
                rows.add(row);
            }
        }
        // sorted here, not by ORDER BY: the two engines collate text differently
        rows.sort(rowOrder(t));
        return rows;
    }

    private static Object read(ResultSet rs, int i, Schema.Kind kind) throws SQLException {
        Object v = switch (kind) {
            case INTEGER -> rs.getLong(i);
            case BOOLEAN -> rs.getBoolean(i);
            case TEXT -> rs.getString(i);
            case REAL -> rs.getDouble(i);
            case DECIMAL -> rs.getBigDecimal(i);
            case BINARY -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : Base64.getEncoder().encodeToString(b);
            }
        };
        return rs.wasNull() ? null : v;
    }

    /** By primary key, then by every column, nulls first; values of one column share a type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> rowOrder(Schema.Table t) {
        List<Integer> order = new ArrayList<>();
        for (String k : t.primaryKey()) {
            order.add(t.columns().indexOf(t.column(k)));
        }
        for (int i = 0; i < t.columns().size(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        return (a, b) -> {
            for (int i : order) {
                int cmp = Comparator.nullsFirst((Comparator) Comparator.naturalOrder())
                        .compare(a[i], b[i]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        };
    }

    private static void writeRow(JsonGenerator g, Schema.Table t, Object[] row) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            String name = t.columns().get(i).name();
            Object v = row[i];
            switch (v) {
                case null -> g.writeNullField(name);
                case Long l -> g.writeNumberField(name, l);
                case Boolean b -> g.writeBooleanField(name, b);
                case Double d -> g.writeNumberField(name, d);
                case BigDecimal d -> g.writeNumberField(name, d);
                default -> g.writeStringField(name, v.toString());
            }
        }
        g.writeEndObject();
    }

    /** A parsed export whose format and version have been checked. */
    public record Document(String schemaVersion, String masterKeyId, ObjectNode tables) {}

    /** Parses and checks an export; Refused names what is wrong with it. */
    public static Document read(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new Refused("not a swasd export: malformed JSON at line "
                    + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null
                || !root.isObject()
                || !FORMAT.equals(root.path("format").asText())) {
            throw new Refused("not a swasd export (no \"format\": \"" + FORMAT + "\")");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new Refused("export format version " + root.path("formatVersion") + " is not supported (this swasd "
                    + "reads version " + FORMAT_VERSION + ")");
        }
        if (!root.path("schemaVersion").isTextual() || !root.path("tables").isObject()) {
            throw new Refused("not a swasd export: \"schemaVersion\" or \"tables\" is missing");
        }
        JsonNode key = root.path("masterKeyId");
        return new Document(root.path("schemaVersion").asText(), key.isTextual() ? key.asText() : null, (ObjectNode)
                root.path("tables"));
    }

    /**
     * Loads {@code doc} into {@code db}, which must hold no rows in any exported table, in one
     * transaction: all of it, or nothing.
     */
    public static Summary restore(Database db, Document doc) {
        if (db.compareToSchema(doc.schemaVersion()) > 0) {
            throw new Refused("the export is of schema version " + doc.schemaVersion() + ", newer than this swasd's "
                    + db.schemaVersion() + ": import it with a swasd at least as new as the one that made it");
        }
        return db.inTransaction(c -> {
            List<Schema.Table> tables = Schema.exportedTables(c);
            Set<String> known = new LinkedHashSet<>();
            for (Schema.Table t : tables) {
                known.add(t.name());
            }
            for (Iterator<String> names = doc.tables().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw new Refused("the export has a table '" + name + "' this database does not have");
                }
            }
            requireEmpty(c, tables);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Schema.Table t : tables) {
                JsonNode rows = doc.tables().get(t.name());
                if (rows == null) {
                    continue; // an export of an older schema: the table did not exist yet
                }
                if (!rows.isArray()) {
                    throw new Refused("table '" + t.name() + "' of the export is not an array of rows");
                }
                counts.put(t.name(), insert(c, t, rows));
            }
            return new Summary(counts, doc.schemaVersion());
        });
    }

    private static void requireEmpty(Connection c, List<Schema.Table> tables) throws SQLException {
        for (Schema.Table t : tables) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t.name())) {
                rs.next();
                long n = rs.getLong(1);
                if (n > 0) {
                    throw new Refused("the target database is not empty (table " + t.name() + " has " + n + " row"
                            + (n == 1 ? "" : "s") + "); import needs a new data directory or an empty database");
                }
            }
        }
    }

    private static int insert(Connection c, Schema.Table t, JsonNode rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        // the columns the export carries (an older export may lack newer, nullable ones)
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new Refused("a row of table '" + t.name() + "' is not a JSON object");
            }
            row.fieldNames().forEachRemaining(names::add);
        }
        List<Schema.Column> columns = new ArrayList<>();
        for (String n : names) {
            Schema.Column col = t.column(n);
            if (col == null) {
                throw new Refused("the export has a column '" + t.name() + "." + n + "' this database does not have");
            }
            columns.add(col);
        }
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", names) + ") VALUES ("
                + Tx.marks(columns.size()) + ")";
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (JsonNode row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(
                            ps,
                            i + 1,
                            t.name(),
                            columns.get(i),
                            row.get(columns.get(i).name()));
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    private static void bind(PreparedStatement ps, int i, String table, Schema.Column col, JsonNode v)
            throws SQLException {
        if (v == null || v.isNull()) {
            ps.setNull(i, col.sqlType());
            return;
        }
        boolean fits = switch (col.kind()) {
            case INTEGER -> v.isIntegralNumber() && v.canConvertToLong();
            case BOOLEAN -> v.isBoolean();
            case TEXT, BINARY -> v.isTextual();
            case REAL, DECIMAL -> v.isNumber();
        };
        if (!fits) {
            throw new Refused("value " + v + " does not fit column " + table + "." + col.name() + " ("
                    + col.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        switch (col.kind()) {
            case INTEGER -> ps.setLong(i, v.longValue());
            case BOOLEAN -> ps.setBoolean(i, v.booleanValue());
            case TEXT -> ps.setString(i, v.textValue());
            case REAL -> ps.setDouble(i, v.doubleValue());
            case DECIMAL -> ps.setBigDecimal(i, v.decimalValue());
            case BINARY -> {
                try {
                    ps.setBytes(i, Base64.getDecoder().decode(v.textValue()));
                } catch (IllegalArgumentException e) {
                    throw new Refused("column " + table + "." + col.name() + " holds bytes in base64; got " + v);
                }
            }
        }
    }
}
