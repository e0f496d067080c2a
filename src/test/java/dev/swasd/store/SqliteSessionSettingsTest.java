package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings of SQLite sessions that are about cost, not durability (that is DurabilityTest). */
class SqliteSessionSettingsTest {
    @TempDir
    Path dir;

    /**
     * With generated keys on (the driver's default), every insert is followed by a prepared and run
     * {@code SELECT last_insert_rowid()}; swasd's keys are its own ids, so the driver is told not to.
     */
    @Test
    void insertsDoNotFetchGeneratedKeys() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("k.db").toAbsolutePath(), null, null)) {
            boolean keyReturned = db.writeStatement(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE k (v INTEGER)");
                    s.executeUpdate("INSERT INTO k (v) VALUES (1)");
                    try (ResultSet keys = s.getGeneratedKeys()) {
                        return keys.next();
                    }
                }
            });
            assertThat(keyReturned).isFalse();
        }
    }
}
