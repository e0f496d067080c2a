package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's writes are committed several at a time (GroupCommit), and each still behaves as a
 * transaction of its own: one that fails is rolled back alone, and when the shared commit fails
 * none of them is kept and every caller hears so.
 */
class GroupCommitTest {
    @TempDir
    Path dir;

    private Database db;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("g.db").toAbsolutePath(), null, null);
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
                s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
                        + "REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
                s.execute("INSERT INTO parent (id) VALUES (1)");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        db.close();
    }

    private long children() {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM child"));
    }

    /** The writer, held inside a write until released, so that the writes queued meanwhile form one batch. */
    private final class HeldWriter {
        final CountDownLatch release = new CountDownLatch(1);
        private final Future<Object> holder;

        HeldWriter() throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            holder = callers.submit(() -> db.inTransaction(c -> {
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        }

        /** Lets the writer go once {@code n} callers wait for the next batch (they stay queued while it is held). */
        void releaseWhenQueued(int n) throws Exception {
            awaitQueued(n);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.queuedWrites() < n) {
            assertThat(System.nanoTime()).as("callers never queued").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private Future<Integer> insertChild(int id, int parent) {
        return callers.submit(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO child (id, parent_id) VALUES (" + id + ", " + parent + ")");
            }
        }));
    }

    @Test
    void aFailingWriteIsRolledBackAloneAndTheOthersCommit() throws Exception {
        HeldWriter writer = new HeldWriter();
        List<Future<Integer>> good = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            good.add(insertChild(i, 1));
        }
        Future<Object> bad = callers.submit(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO child (id, parent_id) VALUES (100, 1)"); // undone with the failure
                throw new IllegalArgumentException("the domain refuses");
            }
        }));
        for (int i = 6; i <= 10; i++) {
            good.add(insertChild(i, 1));
        }
        writer.releaseWhenQueued(11);
        for (Future<Integer> g : good) {
            assertThat(g.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the domain refuses");
        assertThat(children()).isEqualTo(10);
        assertThat((long) db.read(tx -> tx.count("SELECT COUNT(*) FROM child WHERE id = 100")))
                .isZero();
    }

    @Test
    void whenTheSharedCommitFailsNothingOfTheBatchIsKeptAndEveryCallerHears() throws Exception {
        HeldWriter writer = new HeldWriter();
        List<Future<Integer>> batch = new ArrayList<>();
        batch.add(insertChild(1, 1));
        // an orphan passes its own statement; the deferred foreign key fails the commit
        batch.add(insertChild(2, 99));
        batch.add(insertChild(3, 1));
        writer.releaseWhenQueued(3);
        for (Future<Integer> f : batch) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
        assertThat(children()).isZero();
        // and the writer goes on: the next write commits
        assertThat(insertChild(4, 1).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(children()).isEqualTo(1);
    }

    @Test
    void aWriteAloneThatFailsIsRolledBack() {
        assertThatThrownBy(() -> db.inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO child (id, parent_id) VALUES (7, 1)");
                    }
                    throw new IllegalStateException("no");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no");
        assertThat(children()).isZero();
    }

    @Test
    void aWriteCannotStartAnotherFromInside() {
        assertThatThrownBy(() -> db.inTransaction(c -> db.inTransaction(inner -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start another");
    }

    @Test
    void writesQueuedAtCloseAreCommitted() throws Exception {
        HeldWriter writer = new HeldWriter();
        Future<Integer> queued = insertChild(1, 1);
        awaitQueued(1);
        // let the writer go only once close() has begun
        Thread releaser = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer.release.countDown();
        });
        db.close();
        releaser.join();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        db = Database.open("jdbc:sqlite:" + dir.resolve("g.db").toAbsolutePath(), null, null);
        assertThat(children()).isEqualTo(1);
    }
}
