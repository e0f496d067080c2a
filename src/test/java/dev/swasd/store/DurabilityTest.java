package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.swasd.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/** What --durability sets on each backend's sessions (docs/durability.md). */
class DurabilityTest {
    @TempDir
    Path dir;

    /**
     * The suite's throw-away PostgreSQL cluster runs with fsync=off, so every strict open warns that
     * fsync is off: that expected warning stays off the console; anything else Database logs is
     * printed after the test.
     */
    private final Logger databaseLog = (Logger) LoggerFactory.getLogger(Database.class);

    private final ListAppender<ILoggingEvent> databaseEvents = new ListAppender<>();
    private boolean databaseLogAdditive;

    @BeforeEach
    void captureDatabaseLog() {
        databaseEvents.start();
        databaseLog.addAppender(databaseEvents);
        databaseLogAdditive = databaseLog.isAdditive();
        databaseLog.setAdditive(false);
    }

    @AfterEach
    void releaseDatabaseLog() {
        databaseLog.setAdditive(databaseLogAdditive);
        databaseLog.detachAppender(databaseEvents);
        databaseEvents.list.stream()
                .filter(e -> !e.getFormattedMessage().contains("server runs with fsync=off"))
                .forEach(e ->
                        System.err.println(e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()));
    }

    private static String setting(Database db, String sql) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
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
        try (Database db = Database.open(url, null, null, new Database.Options(Database.Durability.STRICT, null))) {
            // every pooled connection, not just the first, carries the setting
            for (int i = 0; i < 3; i++) {
                assertThat(setting(db, "PRAGMA synchronous")).isEqualTo("2");
            }
        }
    }

    /**
     * Requests' connections never checkpoint (a checkpoint's fsyncs would stall a commit and the
     * writers queued behind it); the background checkpointer copies the log into the database file.
     * Without it, the main file would not grow until the last connection closed.
     */
    @Test
    void sqliteCheckpointsInTheBackgroundNotInsideCommits() throws Exception {
        Path file = dir.resolve("wal.db");
        try (Database db = Database.open("jdbc:sqlite:" + file.toAbsolutePath(), null, null)) {
            for (int i = 0; i < 3; i++) {
                assertThat(setting(db, "PRAGMA wal_autocheckpoint")).isEqualTo("0");
            }
            db.write(tx -> tx.update("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"));
            long before = Files.size(file);
            String body = "x".repeat(4000);
            for (int i = 0; i < 500; i++) { // about 2 MB, one commit each, as requests write
                int id = i;
                db.write(tx -> tx.update("INSERT INTO filler (id, body) VALUES (?, ?)", id, body));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (Files.size(file) < before + 1_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.size(file))
                    .as("database file after background checkpoints")
                    .isGreaterThan(before + 1_000_000);
        }
    }

    /**
     * SQLite rewinds its log only when a writer finds it wholly copied and no reader in it, which
     * under steady load (a read always in flight, a write every millisecond) hardly ever happens: in
     * {@code swasd bench} the log grew to 320 MB and every read slowed with it. Once the log is past
     * its threshold the checkpointer restarts it itself. Here a reader pins the log while it grows
     * (so SQLite cannot rewind it), then lets go; one round of the checkpointer must leave it empty.
     */
    @Test
    void sqliteCheckpointerRestartsALongLog() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("restart.db").toAbsolutePath();
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl(url);
        try (Connection writer = DriverManager.getConnection(url);
                Connection reader = DriverManager.getConnection(url);
                Statement w = writer.createStatement();
                Statement r = reader.createStatement()) {
            w.execute("PRAGMA journal_mode=WAL");
            w.execute("PRAGMA wal_autocheckpoint=0");
            w.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)");
            reader.setAutoCommit(false);
            try (ResultSet rs = r.executeQuery("SELECT COUNT(*) FROM filler")) {
                rs.next(); // the reader's snapshot now holds the log's first frames
            }
            String body = "x".repeat(4000);
            for (int i = 0; i < 2 * WalCheckpointer.RESTART_FRAMES; i++) {
                w.execute("INSERT INTO filler (id, body) VALUES (" + i + ", '" + body + "')");
            }
            reader.commit();
            assertThat(WalCheckpointer.run(w, "PASSIVE").frames())
                    .isGreaterThanOrEqualTo(WalCheckpointer.RESTART_FRAMES);
            try (WalCheckpointer checkpointer = new WalCheckpointer(source, new ReentrantLock())) {
                checkpointer.checkpoint();
            }
            assertThat(WalCheckpointer.run(w, "PASSIVE").frames())
                    .as("frames in the log after one round of the checkpointer")
                    .isZero();
            try (ResultSet rs = w.executeQuery("SELECT COUNT(*) FROM filler")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2L * WalCheckpointer.RESTART_FRAMES);
            }
        }
    }

    /** A failed restart is retried soon, then ever less often, never less often than a plain round. */
    @Test
    void sqliteRestartRetriesBackOffToTheInterval() {
        assertThat(WalCheckpointer.pause(0)).isEqualTo(WalCheckpointer.INTERVAL_MILLIS);
        assertThat(WalCheckpointer.pause(1)).isEqualTo(WalCheckpointer.RETRY_MILLIS);
        assertThat(WalCheckpointer.pause(2)).isEqualTo(2 * WalCheckpointer.RETRY_MILLIS);
        assertThat(WalCheckpointer.pause(3)).isEqualTo(4 * WalCheckpointer.RETRY_MILLIS);
        for (int failed = 4; failed < 100; failed++) {
            assertThat(WalCheckpointer.pause(failed))
                    .isBetween(WalCheckpointer.RETRY_MILLIS, WalCheckpointer.INTERVAL_MILLIS);
        }
        assertThat(WalCheckpointer.pause(100)).isEqualTo(WalCheckpointer.INTERVAL_MILLIS);
    }

    /** Write transactions are SERIALIZABLE (quotas and all-or-nothing checks rely on it); reads are not. */
    @Test
    void postgresWritesAreSerializableAndReadsReadCommitted() {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL run only");
        try (Database db = Database.open(TestDatabases.fresh(dir, "iso"), null, null)) {
            for (int i = 0; i < 3; i++) {
                String inWrite = db.write(tx -> tx.one("SHOW transaction_isolation", rs -> rs.getString(1))
                        .orElseThrow());
                String inAccountWrite = db.write(
                        "acct",
                        tx -> tx.one("SHOW transaction_isolation", rs -> rs.getString(1))
                                .orElseThrow());
                String inRead = db.read(tx -> tx.one("SHOW transaction_isolation", rs -> rs.getString(1))
                        .orElseThrow());
                assertThat(inWrite).isEqualTo("serializable");
                assertThat(inAccountWrite).isEqualTo("serializable");
                assertThat(inRead).isEqualTo("read committed");
            }
        }
    }

    @Test
    void postgresStrictRaisesSynchronousCommitToOnAndKeepsStrongerSettings() throws Exception {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL run only");
        String url = TestDatabases.fresh(dir, "dur");
        databaseDefault(url, "off");
        try (Database db = Database.open(url, null, null)) {
            assertThat(setting(db, "SHOW synchronous_commit"))
                    .as("normal keeps the database's setting")
                    .isEqualTo("off");
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
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT current_database()");
            rs.next();
            s.execute("ALTER DATABASE \"" + rs.getString(1) + "\" SET synchronous_commit = " + synchronousCommit);
        }
    }

    @Test
    void levelsParseInAnyCase() {
        assertThat(Database.Durability.named("Strict")).contains(Database.Durability.STRICT);
        assertThat(Database.Durability.named("normal")).contains(Database.Durability.NORMAL);
        assertThat(Database.Durability.named("paranoid")).isEmpty();
    }
}
