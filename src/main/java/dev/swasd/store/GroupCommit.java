package dev.swasd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * SQLite's write transactions, run by one thread, several to a commit. SQLite has one writer at a
 * time anyway; when requests took turns at it themselves, each paid for its own commit (the log
 * pages it touched, and SQLite's BEGIN and COMMIT statements) and the lock passed from virtual
 * thread to virtual thread, each hand-over waiting for a free core. Here the writes that queue up
 * while a batch runs go into the next batch: each in a savepoint of its own, so one that fails is
 * rolled back alone and its caller gets its error, and the batch commits once. A caller is
 * answered only after the commit, so what it was told is what is on disk; if the commit fails,
 * nothing of the batch is kept and every caller in it gets the failure.
 *
 * <p>Batches still take the file's writer lock, so several {@link Database}s on one file in one
 * JVM (tests run two nodes that way) and the checkpointer's log restarts keep apart.
 */
final class GroupCommit implements AutoCloseable {
    /** The most writes one commit carries; bounds what a failed commit takes with it, and the wait of the first. */
    static final int MAX_BATCH = 64;

    private final DataSource pool;
    private final ReentrantLock writers;
    private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Told of each commit before its callers are (Database counts commits for readers). */
    private final Runnable afterCommit;

    private volatile boolean closed;

    private static final class Job<T> {
        final Database.Work<T> work;
        final CompletableFuture<T> done = new CompletableFuture<>();
        T value;
        Throwable failure;

        Job(Database.Work<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            value = work.run(c);
        }

        void finish() {
            if (failure == null) {
                done.complete(value);
            } else {
                done.completeExceptionally(failure);
            }
        }
    }

    GroupCommit(DataSource pool, ReentrantLock writers, String name, Runnable afterCommit) {
        this.pool = pool;
        this.writers = writers;
        this.afterCommit = afterCommit;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /** Runs {@code work} in the next batch and returns its result once the batch has committed. */
    <T> T run(Database.Work<T> work) {
        if (Thread.currentThread() == thread) {
            // a write inside a write would wait for itself
            throw new IllegalStateException("a write transaction cannot start another one");
        }
        if (closed) {
            throw new StoreException("the database is closed", null);
        }
        Job<T> job = new Job<>(work);
        queue.add(job);
        try {
            // not interruptible: once queued, the write may commit, and the caller must hear how it ended
            return job.done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof SQLException sql) {
                throw TransientConflict.translate("database failure", sql);
            }
            throw new StoreException("write failed", cause);
        }
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                // runBatch answers its jobs itself; this only keeps the thread alive
                batch.forEach(j -> j.done.completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Job<?>> batch) {
        writers.lock();
        try {
            commit(batch);
        } finally {
            writers.unlock();
            batch.forEach(Job::finish);
        }
    }

    private void commit(List<Job<?>> batch) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            failAll(batch, e);
            return;
        }
        boolean committed = false;
        try {
            c.setAutoCommit(false);
            for (Job<?> job : batch) {
                runOne(c, job, batch.size() > 1);
            }
            c.commit();
            committed = true;
            afterCommit.run();
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            if (!committed) {
                // a savepoint or the commit failed: nothing of the batch is kept, and each caller hears so
                rollbackQuietly(c);
                failAll(batch, e);
            }
            // after the commit, leaving transaction mode is the pool's to repair (it resets auto-commit)
        } finally {
            try {
                c.close();
            } catch (SQLException ignored) {
                // returning a connection to the pool does not fail in a way that changes the outcome
            }
        }
    }

    /** Every write of the batch that did not fail on its own fails with {@code e}. */
    private static void failAll(List<Job<?>> batch, Exception e) {
        for (Job<?> job : batch) {
            if (job.failure == null) {
                job.failure = e;
            }
        }
    }

    /**
     * One write in a savepoint of its own (alone in its batch it needs none): its failure is rolled
     * back alone. The savepoint statements are prepared once per connection (the driver's own
     * setSavepoint formats a name and prepares its statement afresh each time, a few
     * microseconds of the one writer's time per write).
     */
    private static void runOne(Connection c, Job<?> job, boolean savepoint) throws SQLException {
        Map<String, PreparedStatement> kept = savepoint ? StatementCache.of(c) : null;
        if (savepoint) {
            StatementCache.prepare(c, kept, "SAVEPOINT job").execute();
        }
        try {
            job.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            job.failure = e;
            if (savepoint) {
                StatementCache.prepare(c, kept, "ROLLBACK TO job").execute();
                StatementCache.prepare(c, kept, "RELEASE job").execute();
            } else {
                c.rollback();
            }
            return;
        }
        if (savepoint) {
            StatementCache.prepare(c, kept, "RELEASE job").execute();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is failing already; the failure that got us here is what callers hear
        }
    }

    /** Writes waiting for the next batch (tests wait for their callers to queue). */
    int queued() {
        return queue.size();
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a write that slipped in as the thread stopped must not wait for ever
        for (Job<?> job; (job = queue.poll()) != null; ) {
            job.done.completeExceptionally(new StoreException("the database is closed", null));
        }
    }
}
