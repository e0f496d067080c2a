package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void aNonceIsSpentOncePerKeyInsideTheWindow() {
        try (Database db = Database.open(TestDatabases.fresh(dir, "n"), null, null)) {
            NonceRepository nonces = new NonceRepository(db);
            long t = 1_000_000_000L;
            assertThat(nonces.claim("AK1", "n1", t, t - 900_000)).isTrue();
            assertThat(nonces.claim("AK1", "n1", t + 1000, t + 1000 - 900_000)).isFalse();
            assertThat(nonces.claim("AK2", "n1", t + 1000, t + 1000 - 900_000)).isTrue();
            // after the window the same nonce is stale; the timestamp check guards that request anyway
            long later = t + 901_000;
            assertThat(nonces.claim("AK1", "n1", later, later - 900_000)).isTrue();
            // the log keeps each claim won: AK1 at t and again at later, AK2 at t + 1000. PostgreSQL's
            // table drops the three spent before the bound; SQLite's log drops whole 15-minute files,
            // the one of t and t + 1000, and keeps the one that later (and the bound) fall in
            assertThat(nonces.purgeBefore(later + 1)).isEqualTo(TestDatabases.postgres() ? 3 : 2);
            assertThat(nonces.claim("AK2", "n1", later, later - 900_000)).isTrue();
        }
    }

    @Test
    void racingClaimsOfOneNonceHaveExactlyOneWinner() throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(dir, "race"), null, null)) {
            NonceRepository nonces = new NonceRepository(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 20; round++) {
                    String nonce = "race-" + round;
                    List<Callable<Boolean>> claims = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        claims.add(() -> nonces.claim("AK", nonce, 5_000L, 0L));
                    }
                    int winners = 0;
                    for (Future<Boolean> f : pool.invokeAll(claims)) {
                        winners += f.get() ? 1 : 0;
                    }
                    assertThat(winners).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aNonceSpentThroughOneNodeIsRefusedThroughAnotherAndAfterARestart() {
        String url = TestDatabases.fresh(dir, "shared");
        long t = 2_000_000_000L;
        try (Database a = Database.open(url, null, null);
                Database b = Database.open(url, null, null);
                NonceRepository onA = new NonceRepository(a);
                NonceRepository onB = new NonceRepository(b)) {
            // B decides once before A spends, so what A spends later reaches B only through the log
            assertThat(onB.claim("AK", "warm-up", t, t - 900_000)).isTrue();
            assertThat(onA.claim("AK", "n1", t, t - 900_000)).isTrue();
            assertThat(onB.claim("AK", "n1", t + 1, t + 1 - 900_000)).isFalse();
            assertThat(onB.claim("AK", "n2", t + 2, t + 2 - 900_000)).isTrue();
            assertThat(onA.claim("AK", "n2", t + 3, t + 3 - 900_000)).isFalse();
        }
        try (Database again = Database.open(url, null, null);
                NonceRepository nonces = new NonceRepository(again)) {
            assertThat(nonces.claim("AK", "n1", t + 4, t + 4 - 900_000)).isFalse();
            assertThat(nonces.claim("AK", "n2", t + 4, t + 4 - 900_000)).isFalse();
            assertThat(nonces.claim("AK", "n3", t + 4, t + 4 - 900_000)).isTrue();
        }
    }

    @Test
    void claimsRacingThroughTwoNodesHaveExactlyOneWinner() throws Exception {
        String url = TestDatabases.fresh(dir, "race2");
        try (Database a = Database.open(url, null, null);
                Database b = Database.open(url, null, null);
                NonceRepository onA = new NonceRepository(a);
                NonceRepository onB = new NonceRepository(b)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 30; round++) {
                    String nonce = "race-" + round;
                    List<Callable<Boolean>> claims = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        NonceRepository via = i % 2 == 0 ? onA : onB;
                        claims.add(() -> via.claim("AK", nonce, 5_000L, 0L));
                    }
                    int winners = 0;
                    for (Future<Boolean> f : pool.invokeAll(claims)) {
                        winners += f.get() ? 1 : 0;
                    }
                    assertThat(winners).as("round %d", round).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void noncesAnOlderSwasdKeptInTheSqliteDatabaseAreMovedToTheLog() throws Exception {
        Assumptions.assumeFalse(TestDatabases.postgres(), "the move is SQLite's");
        String url = TestDatabases.fresh(dir, "upgrade");
        long t = 3_000_000_000L;
        try (Database db = Database.open(url, null, null)) {
            // as migration V8 leaves a database whose nonces table held rows
            db.writeStatement(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(
                            "CREATE TABLE IF NOT EXISTS nonces_v1 (access_key_id VARCHAR(64) NOT NULL, "
                                    + "nonce VARCHAR(256) NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (access_key_id, nonce))");
                    return s.executeUpdate("INSERT INTO nonces_v1 VALUES ('AK', 'before-upgrade', " + t + ")");
                }
            });
            try (NonceRepository nonces = new NonceRepository(db)) {
                assertThat(nonces.claim("AK", "before-upgrade", t + 10, t + 10 - 900_000))
                        .isFalse();
                assertThat(nonces.claim("AK", "after-upgrade", t + 10, t + 10 - 900_000))
                        .isTrue();
            }
            boolean left = db.withConnection(c -> {
                try (ResultSet rs = c.getMetaData().getTables(null, null, "nonces_v1", null)) {
                    return rs.next();
                }
            });
            assertThat(left).as("the old table is dropped once moved").isFalse();
        }
        try (Database db = Database.open(url, null, null);
                NonceRepository nonces = new NonceRepository(db)) {
            assertThat(nonces.claim("AK", "before-upgrade", t + 20, t + 20 - 900_000))
                    .isFalse();
        }
    }
}
