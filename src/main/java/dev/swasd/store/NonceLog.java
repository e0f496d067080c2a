package dev.swasd.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the spent nonces of every node on a database are logged (NonceRepository decides, in
 * memory, against what the log holds): append-only, and read by each node from where it last
 * stopped, under a lock that all nodes take for a batch, so no two nodes ever decide the same
 * nonce at once.
 */
sealed interface NonceLog extends AutoCloseable permits NonceLogFiles, NonceLogTable {
    /** A claim won, as logged. */
    record Entry(String accessKeyId, String nonce, SpentNonces.Fingerprint fingerprint, long seenAt) {}

    /** A spent nonce as read back: its fingerprint and when it was spent. */
    record Spent(SpentNonces.Fingerprint fingerprint, long seenAt) {}

    /** What a batch appends, decided once the log has been read up to date. */
    @FunctionalInterface
    interface Decision {
        List<Entry> decide();
    }

    /** Everything the log holds now; called once, before the first batch. */
    void load(Consumer<Spent> into);

    /**
     * One batch, holding the log's lock across nodes: what other nodes appended since this node's
     * last batch goes to {@code others}, then what {@code decision} returns is appended, and when
     * {@code forgetBefore} is not {@code Long.MIN_VALUE} what was spent before it may be dropped.
     * Returns once the appended entries are as durable as the database's commits.
     *
     * @param now the batch's time, which chooses where its entries go
     * @return how many entries were dropped
     */
    int batch(long now, Consumer<Spent> others, Decision decision, long forgetBefore);

    @Override
    void close();
}
