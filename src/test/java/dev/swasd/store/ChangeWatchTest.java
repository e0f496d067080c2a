package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every commit, by this node or by anyone else on the file, moves the number readers go by. */
class ChangeWatchTest {
    @TempDir
    Path dir;

    private static void commit(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate(sql);
        }
    }

    /** A database in WAL mode holding a table t (n INTEGER); its JDBC URL. */
    private static String walDatabaseWithTable(Path file) throws Exception {
        String url = "jdbc:sqlite:" + file;
        commit(url, "PRAGMA journal_mode=WAL");
        commit(url, "CREATE TABLE t (n INTEGER)");
        return url;
    }

    @Test
    void anotherConnectionsCommitsAreSeenInTheLogIndexHeader() throws Exception {
        Path file = dir.resolve("w.db");
        String url = walDatabaseWithTable(file);
        try (ChangeWatch watch = ChangeWatch.open(url, file)) {
            assertThat(watch.readsSharedMemory())
                    .as("the fast path is the one under test")
                    .isTrue();
            long before = watch.version(System.nanoTime());
            assertThat(watch.version(System.nanoTime())).as("nothing committed").isEqualTo(before);
            for (int i = 0; i < 20; i++) {
                long v = watch.version(System.nanoTime());
                commit(url, "INSERT INTO t VALUES (" + i + ")");
                assertThat(watch.version(System.nanoTime())).as("commit %d", i).isGreaterThan(v);
            }
            // a checkpoint that empties the log, then a commit at its start again, still shows
            commit(url, "PRAGMA wal_checkpoint(TRUNCATE)");
            long v = watch.version(System.nanoTime());
            commit(url, "INSERT INTO t VALUES (100)");
            assertThat(watch.version(System.nanoTime())).isGreaterThan(v);
        }
    }

    @Test
    void withoutTheIndexFileTheDatabaseIsAsked() throws Exception {
        Path file = dir.resolve("p.db");
        String url = walDatabaseWithTable(file);
        try (ChangeWatch watch = ChangeWatch.open(url, null)) {
            assertThat(watch.readsSharedMemory()).isFalse();
            long v = watch.version(System.nanoTime());
            commit(url, "INSERT INTO t VALUES (1)");
            assertThat(watch.version(System.nanoTime())).isGreaterThan(v);
        }
    }

    @Test
    void aLookThatBeganAfterTheRequestIsReused() throws Exception {
        Path file = dir.resolve("r.db");
        String url = walDatabaseWithTable(file);
        try (ChangeWatch watch = ChangeWatch.open(url, file)) {
            long arrived = System.nanoTime();
            watch.look(); // as a nonce batch does for the requests it holds
            long v = watch.version(arrived);
            commit(url, "INSERT INTO t VALUES (1)");
            assertThat(watch.version(arrived))
                    .as("for a request that arrived before the commit")
                    .isEqualTo(v);
            assertThat(watch.version(System.nanoTime())).as("for one after it").isGreaterThan(v);
        }
    }
}
