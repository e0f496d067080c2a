package dev.swasd;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database for a test: a SQLite file by default, or a new database on the PostgreSQL
 * server named by {@code -Dswasd.test.pg=jdbc:postgresql://HOST:PORT/postgres?user=…} (run-tests
 * sets it for its second run), so the same tests run on both backends.
 */
public final class TestDatabases {
    private TestDatabases() {}

    public static boolean postgres() {
        String admin = System.getProperty("swasd.test.pg");
        return admin != null && !admin.isBlank();
    }

    public static String fresh(Path dir, String name) {
        if (!postgres()) {
            return "jdbc:sqlite:" + dir.resolve(name + ".db").toAbsolutePath();
        }
        String admin = System.getProperty("swasd.test.pg");
        String db = "swasd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin, e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String query = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + db + query;
    }
}
