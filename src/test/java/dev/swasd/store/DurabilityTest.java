package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.swasd.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --durability sets on each backend's sessions (docs/durability.md). */
class DurabilityTest {
    @TempDir
    Path dir;

    private static String setting(Database db, String sql) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void sqliteNormalIsSynchronousNormalAndStrictIsFull() {
        String url = "jdbc:sqlite:" + dir.resolve("d.db").toAbsolutePath();
        try (Database db = Database.open(url, null, null)) {
            assertThat(setting(db, "PRAGMA synchronous")).isEqualTo("1");
            assertThat(setting(db, "PRAGMA journal_mode")).isEqualTo("wal");
        }
        try (Database db = Database.open(url, null, null,
                new Database.Options(Database.Durability.STRICT, null))) {
            // every pooled connection, not just the first, carries the setting
            for (int i = 0; i < 3; i++) {
                assertThat(setting(db, "PRAGMA synchronous")).isEqualTo("2");
            }
        }
    }

    @Test
    void postgresStrictRaisesSynchronousCommitToOnAndKeepsStrongerSettings() throws Exception {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL run only");
        String url = TestDatabases.fresh(dir, "dur");
        databaseDefault(url, "off");
        try (Database db = Database.open(url, null, null)) {
            assertThat(setting(db, "SHOW synchronous_commit")).as("normal keeps the database's setting").isEqualTo("off");
        }
        try (Database db = Database.open(url, null, null, new Database.Options(Database.Durability.STRICT, null))) {
            assertThat(setting(db, "SHOW synchronous_commit")).isEqualTo("on");
        }
        databaseDefault(url, "local");
        try (Database db = Database.open(url, null, null, new Database.Options(Database.Durability.STRICT, null))) {
            assertThat(setting(db, "SHOW synchronous_commit")).isEqualTo("on");
        }
        databaseDefault(url, "remote_apply");
        try (Database db = Database.open(url, null, null, new Database.Options(Database.Durability.STRICT, null))) {
            assertThat(setting(db, "SHOW synchronous_commit")).isEqualTo("remote_apply");
        }
    }

    private static void databaseDefault(String url, String synchronousCommit) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT current_database()");
            rs.next();
            s.execute("ALTER DATABASE \"" + rs.getString(1) + "\" SET synchronous_commit = " + synchronousCommit);
        }
    }

    @Test
    void levelsParseInAnyCase() {
        assertThat(Database.Durability.parse("Strict")).isEqualTo(Database.Durability.STRICT);
        assertThat(Database.Durability.parse("normal")).isEqualTo(Database.Durability.NORMAL);
        assertThatThrownBy(() -> Database.Durability.parse("paranoid")).hasMessageContaining("normal or strict");
    }
}
