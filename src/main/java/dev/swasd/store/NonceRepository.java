package dev.swasd.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Spent SignatureNonce values. One upsert decides atomically, also across nodes: a fresh nonce
 * is inserted, a nonce seen only before the window is taken over, a nonce seen inside it is refused.
 *
 * <p>Every authenticated request spends a nonce, so these writes are the hottest in the server.
 * They are group-committed: claims that arrive together are written in one transaction, each
 * still answered by its own upsert, so the database pays one commit per batch instead of one per
 * request. On SQLite the database groups every write that way itself (GroupCommit), so a claim
 * shares its commit with whatever else is being written; on PostgreSQL a thread of this class
 * batches the claims. A claim is answered only after its batch committed, so a replay is refused
 * by every node all the same.
 */
public final class NonceRepository implements AutoCloseable {
    private static final String UPSERT = "INSERT INTO nonces (access_key_id, nonce, seen_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (access_key_id, nonce) DO UPDATE SET seen_at = excluded.seen_at WHERE nonces.seen_at < ?";
    private static final int MAX_BATCH = 512;

    private record Claim(String accessKeyId, String nonce, long now, long windowStart, CompletableFuture<Boolean> won) {
    }

    private final Database db;
    private final LinkedBlockingQueue<Claim> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public NonceRepository(Database db) {
        this.db = db;
        this.writer = db.groupsCommits() ? null
                : Thread.ofPlatform().daemon().name("swasd-nonce-writer").start(this::writeBatches);
    }

    /** @return true when the nonce was free (or last seen before {@code windowStartMillis}) and is now spent */
    public boolean claim(String accessKeyId, String nonce, long nowMillis, long windowStartMillis) {
        if (closed) {
            throw new StoreException("the nonce store is closed", null);
        }
        if (writer == null) {
            return db.write(tx -> tx.update(UPSERT, accessKeyId, nonce, nowMillis, windowStartMillis) == 1);
        }
        Claim claim = new Claim(accessKeyId, nonce, nowMillis, windowStartMillis, new CompletableFuture<>());
        pending.add(claim);
        try {
            return claim.won().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while spending a nonce", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException("nonce write failed", e.getCause());
        }
    }

    private void writeBatches() {
        List<Claim> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !pending.isEmpty()) {
            try {
                Claim first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Claim> batch) {
        try {
            // through Tx, so the upsert is prepared once per connection (StatementCache), not per batch
            boolean[] won = db.write(tx -> {
                boolean[] out = new boolean[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    Claim claim = batch.get(i);
                    out[i] = tx.update(UPSERT, claim.accessKeyId(), claim.nonce(), claim.now(), claim.windowStart()) == 1;
                }
                return out;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).won().complete(won[i]);
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1 && e instanceof TransientConflict) {
                // another node raced one of these nonces; settle each claim on its own
                for (Claim claim : batch) {
                    write(List.of(claim));
                }
                return;
            }
            batch.forEach(claim -> claim.won().completeExceptionally(e));
        }
    }

    /** Forgets nonces seen before the window; they can no longer be replayed anyway. */
    public int purgeBefore(long windowStartMillis) {
        return db.writeStatement(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nonces WHERE seen_at < ?")) {
                ps.setLong(1, windowStartMillis);
                return ps.executeUpdate();
            }
        });
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        if (writer == null) {
            return;
        }
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
