package dev.swasd.store;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A thin mapping of one record type to one table, for resource families whose SQL is plain: the
 * columns are the record's components in snake_case ({@code sourceCidrIp} → {@code source_cidr_ip}),
 * in component order. Not an ORM: no relations, no caching, no generated keys; every method is
 * one statement on the caller's {@link Tx}, so it runs on SQLite and PostgreSQL alike.
 *
 * <p>Two component names mean something: {@code version} (a {@code long}) makes {@link #update}
 * optimistic ({@code WHERE key = ? AND version = ?}, bumping it), and {@code deletedAt} (a
 * {@code Long}) enables {@link #softDelete} and hides deleted rows from {@link #find},
 * {@link #list} and {@link #count}.
 *
 * <p>Component types: {@code String}, {@code long}/{@code Long}, {@code int}/{@code Integer},
 * {@code boolean}/{@code Boolean} (stored as 0/1, as {@link Tx} writes it) and enums (stored by
 * name). Tuned queries (custom images, nonces) keep their hand-written repositories.
 */
public final class Table<R extends Record> {
    private static final Set<Class<?>> SUPPORTED =
            Set.of(String.class, long.class, Long.class, int.class, Integer.class, boolean.class, Boolean.class);
    private final String name;
    private final String keyColumn;
    private final int keyIndex;
    private final int versionIndex;
    private final int deletedAtIndex;
    private final Method[] accessors;
    private final Class<?>[] types;
    private final String[] columns;
    private final Constructor<R> constructor;
    private final String columnList;
    private final String insertSql;
    private final String updateSql;
    private final String findSql;
    private final String live;

    /**
     * @param name         the table's name
     * @param type         the record, one component per column
     * @param keyComponent the component that is the table's primary key (a single column)
     */
    public Table(String name, Class<R> type, String keyComponent) {
        this.name = name;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        accessors = new Method[n];
        types = new Class<?>[n];
        columns = new String[n];
        int key = -1;
        int version = -1;
        int deletedAt = -1;
        for (int i = 0; i < n; i++) {
            RecordComponent c = components[i];
            accessors[i] = c.getAccessor();
            accessors[i].setAccessible(true);
            types[i] = c.getType();
            if (!SUPPORTED.contains(types[i]) && !types[i].isEnum()) {
                throw new IllegalArgumentException("Table cannot map " + type.getSimpleName() + "." + c.getName()
                        + " of type " + types[i].getName());
            }
            columns[i] = column(c.getName());
            key = c.getName().equals(keyComponent) ? i : key;
            version = c.getName().equals("version") ? i : version;
            deletedAt = c.getName().equals("deletedAt") ? i : deletedAt;
        }
        if (key < 0) {
            throw new IllegalArgumentException(type.getName() + " has no component " + keyComponent);
        }
        if (version >= 0 && types[version] != long.class) {
            throw new IllegalArgumentException(type.getName() + ".version must be a long");
        }
        if (deletedAt >= 0 && types[deletedAt] != Long.class) {
            throw new IllegalArgumentException(type.getName() + ".deletedAt must be a Long (null while live)");
        }
        keyIndex = key;
        versionIndex = version;
        deletedAtIndex = deletedAt;
        keyColumn = columns[key];
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        columnList = String.join(", ", columns);
        insertSql = "INSERT INTO " + name + " (" + columnList + ") VALUES (" + Tx.marks(n) + ")";
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != keyIndex) {
                sets.add(columns[i] + (i == versionIndex ? " = " + columns[i] + " + 1" : " = ?"));
            }
        }
        updateSql = "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE " + keyColumn + " = ?"
                + (versionIndex >= 0 ? " AND " + columns[versionIndex] + " = ?" : "");
        live = deletedAtIndex >= 0 ? columns[deletedAtIndex] + " IS NULL" : null;
        findSql = "SELECT " + columnList + " FROM " + name + " WHERE " + keyColumn + " = ?"
                + (live != null ? " AND " + live : "");
    }

    /** {@code sourceCidrIp} → {@code source_cidr_ip}. */
    public static String column(String component) {
        StringBuilder sb = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char ch = component.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public void insert(Tx tx, R row) {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            args[i] = value(row, i);
        }
        tx.update(insertSql, args);
    }

    /** The row with this key; a soft-deleted row is not found. */
    public Optional<R> find(Tx tx, Object key) {
        return tx.one(findSql, this::row, key);
    }

    /**
     * Writes every column of {@code row} to the row with its key. With a {@code version}
     * component, only while the stored version is still {@code row.version()}, and the stored
     * version becomes {@code row.version() + 1}.
     *
     * @return false when no row was written: the key is unknown, or (with a version) another
     *         writer changed the row since it was read
     */
    public boolean update(Tx tx, R row) {
        List<Object> args = new ArrayList<>(columns.length + 1);
        for (int i = 0; i < columns.length; i++) {
            if (i != keyIndex && i != versionIndex) {
                args.add(value(row, i));
            }
        }
        args.add(value(row, keyIndex));
        if (versionIndex >= 0) {
            args.add(value(row, versionIndex));
        }
        return tx.update(updateSql, args.toArray()) == 1;
    }

    /** Removes the row with this key. @return whether there was one */
    public boolean delete(Tx tx, Object key) {
        return tx.update("DELETE FROM " + name + " WHERE " + keyColumn + " = ?", key) == 1;
    }

    /**
     * Marks the row with this key deleted at {@code at} (its {@code deleted_at}); it stays in the
     * table but {@link #find}, {@link #list} and {@link #count} no longer see it.
     *
     * @return whether a live row was marked
     */
    public boolean softDelete(Tx tx, Object key, long at) {
        if (deletedAtIndex < 0) {
            throw new IllegalStateException(name + " has no deletedAt component; use delete");
        }
        return tx.update(
                        "UPDATE " + name + " SET " + columns[deletedAtIndex] + " = ? WHERE " + keyColumn + " = ? AND "
                                + live,
                        at,
                        key)
                == 1;
    }

    /**
     * The live rows matching {@code where} (SQL over the snake_case columns, with {@code ?} for
     * {@code args}; null or blank for all rows), in {@code orderBy} order (null for any order).
     */
    public List<R> list(Tx tx, String where, String orderBy, Object... args) {
        return tx.query(
                "SELECT " + columnList + " FROM " + name + where(where)
                        + (orderBy == null || orderBy.isBlank() ? "" : " ORDER BY " + orderBy),
                this::row,
                args);
    }

    /**
     * One page of {@link #list}: at most {@code limit} rows after skipping {@code offset}, in
     * {@code orderBy} order (which should be total, so that pages neither repeat nor skip rows).
     */
    public List<R> page(Tx tx, String where, String orderBy, int limit, long offset, Object... args) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("a page needs a limit and an offset of at least 0");
        }
        return tx.query(
                "SELECT " + columnList + " FROM " + name + where(where)
                        + (orderBy == null || orderBy.isBlank() ? "" : " ORDER BY " + orderBy)
                        + " LIMIT ? OFFSET ?",
                this::row,
                withPage(args, limit, offset));
    }

    private static Object[] withPage(Object[] args, int limit, long offset) {
        Object[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = limit;
        all[args.length + 1] = offset;
        return all;
    }

    /** How many live rows match {@code where}. */
    public long count(Tx tx, String where, Object... args) {
        return tx.count("SELECT COUNT(*) FROM " + name + where(where), args);
    }

    private String where(String where) {
        boolean given = where != null && !where.isBlank();
        if (!given && live == null) {
            return "";
        }
        if (!given) {
            return " WHERE " + live;
        }
        return " WHERE (" + where + ")" + (live != null ? " AND " + live : "");
    }

    private Object value(R row, int i) {
        Object v;
        try {
            v = accessors[i].invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + columns[i] + " of " + row, e);
        }
        return v instanceof Enum<?> e ? e.name() : v;
    }

    private R row(ResultSet rs) throws SQLException {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = read(rs, i + 1, types[i]);
        }
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "cannot build a " + constructor.getDeclaringClass().getSimpleName() + " from a row of " + name, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(ResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(column);
        }
        if (type == long.class) {
            return rs.getLong(column);
        }
        if (type == int.class) {
            return rs.getInt(column);
        }
        if (type == boolean.class) {
            return rs.getInt(column) != 0;
        }
        if (type == Long.class) {
            long v = rs.getLong(column);
            return rs.wasNull() ? null : v;
        }
        if (type == Integer.class) {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }
        if (type == Boolean.class) {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v != 0;
        }
        if (type.isEnum()) {
            String v = rs.getString(column);
            return v == null ? null : Enum.valueOf((Class<? extends Enum>) type, v);
        }
        throw new IllegalArgumentException("Table cannot map a component of type " + type.getName());
    }
}
