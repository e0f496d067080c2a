package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void aNonceIsSpentOncePerKeyInsideTheWindow() {
        try (Database db = Database.open(dev.swasd.TestDatabases.fresh(dir, "n"), null, null)) {
            NonceRepository nonces = new NonceRepository(db);
            long t = 1_000_000_000L;
            assertThat(nonces.claim("AK1", "n1", t, t - 900_000)).isTrue();
            assertThat(nonces.claim("AK1", "n1", t + 1000, t + 1000 - 900_000)).isFalse();
            assertThat(nonces.claim("AK2", "n1", t + 1000, t + 1000 - 900_000)).isTrue();
            // after the window the same nonce is stale; the timestamp check guards that request anyway
            long later = t + 901_000;
            assertThat(nonces.claim("AK1", "n1", later, later - 900_000)).isTrue();
            assertThat(nonces.purgeBefore(later + 1)).isEqualTo(2);
            assertThat(nonces.claim("AK2", "n1", later, later - 900_000)).isTrue();
        }
    }

    @Test
    void racingClaimsOfOneNonceHaveExactlyOneWinner() throws Exception {
        try (Database db = Database.open(dev.swasd.TestDatabases.fresh(dir, "race"), null, null)) {
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
}
