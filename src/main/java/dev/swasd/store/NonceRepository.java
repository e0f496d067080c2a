package dev.swasd.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spent SignatureNonce values, shared by every node on the database and kept across restarts.
 *
 * <p>Every authenticated request spends a nonce, so these are the hottest writes in the server.
 * They are decided in memory and logged beside the data: the log is append-only, in the order
 * claims were decided, so a batch of claims writes a few records at the end of it instead of a page
 * of a random index per nonce. The claims of this node are decided and logged a batch at a time by
 * a writer thread of its own, each batch holding the log's write lock (a lock file on SQLite; a
 * PostgreSQL advisory lock in the transaction that appends to {@code nonce_log}): it first reads
 * what other nodes logged since its last batch into the memory of spent nonces
 * ({@link SpentNonces}), then decides its claims against it and appends the winners. So a nonce
 * is won once across all nodes, and a claim is answered only after its batch is logged: what a
 * client was told survives a crash.
 *
 * <p>On SQLite the log is a file of its own beside the database ({@link Database#nonceLog}), so
 * that nonce batches neither queue behind the database's writes and checkpoints nor change the
 * database's data version, by which reads notice others' writes.
 */
public final class NonceRepository implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NonceRepository.class);
    private static final int MAX_BATCH = 512;

    /** What a batch is made of: claims to decide, and requests to forget old nonces. */
    private sealed interface Job permits Claim, Purge {}

    private record Claim(
            String accessKeyId,
            String nonce,
            SpentNonces.Fingerprint fingerprint,
            long now,
            long windowStart,
            CompletableFuture<Boolean> won)
            implements Job {}

    private record Purge(long before, CompletableFuture<Integer> removed) implements Job {}

    private final Database db;
    private final NonceLog log;
    private final Database.Dialect dialect;
    private final SpentNonces spent = new SpentNonces();
    private final LinkedBlockingQueue<Job> pending = new LinkedBlockingQueue<>();
    /**
     * Decides and logs the batches, a platform thread of its own. (Letting the first waiting claim's
     * own virtual thread lead each batch saved two thread wake-ups a batch at light load, but under
     * load the next leader queued for a carrier behind the requests, and batches stalled: peak
     * ListCustomImages fell from 13,000 to 7,000 a second.)
     */
    private final Thread writer;

    private volatile boolean closed;

    public NonceRepository(Database db) {
        this.db = db;
        this.log = db.nonceLog();
        this.dialect = db.dialect();
        this.writer = Thread.ofPlatform().daemon().name("swasd-nonce-writer").start(this::run);
    }

    /** @return true when the nonce was free (or last spent before {@code windowStartMillis}) and is now spent */
    public boolean claim(String accessKeyId, String nonce, long nowMillis, long windowStartMillis) {
        return outcome(claimAsync(accessKeyId, nonce, nowMillis, windowStartMillis));
    }

    /**
     * Queues the claim and returns at once; the future completes with {@link #claim}'s answer once
     * the claim's batch is logged (or with the failure that stopped it). Not cancellable: once
     * queued, the claim may be logged.
     */
    public CompletableFuture<Boolean> claimAsync(
            String accessKeyId, String nonce, long nowMillis, long windowStartMillis) {
        // the hash is computed here, on the caller's thread, not on the one writer
        Claim claim = new Claim(
                accessKeyId,
                nonce,
                SpentNonces.Fingerprint.of(accessKeyId, nonce),
                nowMillis,
                windowStartMillis,
                new CompletableFuture<>());
        enqueue(claim);
        return claim.won();
    }

    /** Forgets nonces spent before {@code windowStartMillis}; they can no longer be replayed anyway. */
    public int purgeBefore(long windowStartMillis) {
        Purge purge = new Purge(windowStartMillis, new CompletableFuture<>());
        return submit(purge, purge.removed());
    }

    private <T> T submit(Job job, CompletableFuture<T> outcome) {
        enqueue(job);
        return outcome(outcome);
    }

    private void enqueue(Job job) {
        if (closed) {
            throw new StoreException("the nonce store is closed", null);
        }
        pending.add(job);
    }

    /** Waits for the outcome; not interruptible: once queued, the claim may be logged, and the caller must hear how it ended. */
    public static <T> T outcome(CompletableFuture<T> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException("nonce log failed", e.getCause());
        }
    }

    private void run() {
        boolean loaded = false;
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !pending.isEmpty()) {
            try {
                Job first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                if (!loaded) {
                    // before the first decision, not in the constructor: start-up does not wait for it
                    load();
                    loaded = true;
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | SQLException | Error e) {
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        for (Job job; (job = pending.poll()) != null; ) {
            fail(List.of(job), new StoreException("the nonce store is closed", null));
        }
    }

    /** Every nonce the log holds, and on SQLite what an older swasd left in the database itself. */
    private void load() throws SQLException {
        log.load(s -> spent.add(s.fingerprint(), s.seenAt()));
        if (dialect == Database.Dialect.SQLITE) {
            moveLegacyNonces();
        }
    }

    /**
     * Before migration V8, SQLite kept spent nonces in the database file (V8 renamed that table to
     * {@code nonces_v1}); they move to the log once, so an upgrade forgets none.
     */
    private void moveLegacyNonces() throws SQLException {
        List<NonceLog.Entry> rows = db.withConnection(c -> {
            try (Statement s = c.createStatement();
                    ResultSet t = s.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'nonces_v1'")) {
                if (!t.next()) {
                    return null;
                }
            }
            List<NonceLog.Entry> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT access_key_id, nonce, seen_at FROM nonces_v1 ORDER BY seen_at")) {
                while (rs.next()) {
                    out.add(new NonceLog.Entry(
                            rs.getString(1),
                            rs.getString(2),
                            SpentNonces.Fingerprint.of(rs.getString(1), rs.getString(2)),
                            rs.getLong(3)));
                }
            }
            return out;
        });
        if (rows == null) {
            return;
        }
        long newest = rows.stream().mapToLong(NonceLog.Entry::seenAt).max().orElse(0);
        log.batch(newest, others -> spent.add(others.fingerprint(), others.seenAt()), () -> rows, Long.MIN_VALUE);
        rows.forEach(r -> spent.add(r.fingerprint(), r.seenAt()));
        // another node starting at the same time may have moved them too: a nonce twice in the log is harmless
        db.writeStatement(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DROP TABLE IF EXISTS nonces_v1");
            }
        });
        LOG.info("moved {} spent nonces from the database to its nonce log", rows.size());
    }

    /**
     * One batch, under the log's lock across nodes: what others spent since this node's last
     * batch comes in first, then each claim is decided and the winners appended.
     */
    private void write(List<Job> batch) {
        Map<SpentNonces.Fingerprint, Long> won = new HashMap<>();
        boolean[] decisions = new boolean[batch.size()];
        long forgetBefore = Long.MIN_VALUE;
        long now = Long.MIN_VALUE;
        for (Job job : batch) {
            switch (job) {
                case Claim claim -> now = Math.max(now, claim.now());
                case Purge purge -> forgetBefore = Math.max(forgetBefore, purge.before());
            }
        }
        if (now == Long.MIN_VALUE) {
            now = forgetBefore; // a purge alone
        }
        int removed = log.batch(
                now,
                others -> spent.add(others.fingerprint(), others.seenAt()),
                () -> {
                    List<NonceLog.Entry> entries = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        if (batch.get(i) instanceof Claim claim) {
                            Long earlier = won.get(claim.fingerprint());
                            boolean free = (earlier == null || earlier < claim.windowStart())
                                    && !spent.spentSince(claim.fingerprint(), claim.windowStart());
                            decisions[i] = free;
                            if (free) {
                                won.put(claim.fingerprint(), claim.now());
                                entries.add(new NonceLog.Entry(
                                        claim.accessKeyId(), claim.nonce(), claim.fingerprint(), claim.now()));
                            }
                        }
                    }
                    return entries;
                },
                forgetBefore);
        // only now, logged, do the winners count as spent
        won.forEach(spent::add);
        if (forgetBefore != Long.MIN_VALUE) {
            spent.forgetBefore(forgetBefore);
        }
        // these claims' requests arrived before this look: reads they make next find others' commits counted
        db.lookForOthersCommits();
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i)) {
                case Claim claim -> claim.won().complete(decisions[i]);
                case Purge purge -> purge.removed().complete(removed);
            }
        }
    }

    private static void fail(List<Job> batch, Throwable e) {
        RuntimeException failure = e instanceof RuntimeException r
                ? r
                : e instanceof SQLException sql
                        ? TransientConflict.translate("nonce log failed", sql)
                        : new StoreException("nonce log failed", e);
        for (Job job : batch) {
            switch (job) {
                case Claim claim -> claim.won().completeExceptionally(failure);
                case Purge purge -> purge.removed().completeExceptionally(failure);
            }
        }
    }

    /** Decides what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
