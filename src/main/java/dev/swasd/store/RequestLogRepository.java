package dev.swasd.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes and purges the request log ({@code request_log}, V19): a batch of calls becomes one
 * chunk per account. Reads go through {@link #table()} in the domain (ListRequestLogs), which
 * decodes the chunks with {@link RequestLogLines}.
 */
public final class RequestLogRepository {
    private static final String INSERT =
            "INSERT INTO request_log (chunk_id, account_id, first_at, last_at, entries, body) VALUES (?, ?, ?, ?, ?, ?)";

    /** The chunks as the domain reads them. */
    public static Table<RequestLogChunk> table() {
        return new Table<>("request_log", RequestLogChunk.class, "chunkId");
    }

    /** Appends a batch of calls in the caller's transaction: one chunk for each account in it. */
    public void append(Tx tx, List<RequestLogRecord> calls) {
        if (calls.isEmpty()) {
            return;
        }
        Map<String, List<RequestLogRecord>> byAccount = new LinkedHashMap<>();
        for (RequestLogRecord c : calls) {
            byAccount.computeIfAbsent(c.accountId(), a -> new ArrayList<>()).add(c);
        }
        List<Object[]> rows = new ArrayList<>(byAccount.size());
        byAccount.forEach((account, own) -> rows.add(row(chunk(UUID.randomUUID().toString(), account, own))));
        tx.batch(INSERT, rows);
    }

    private static RequestLogChunk chunk(String chunkId, String account, List<RequestLogRecord> calls) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RequestLogRecord c : calls) {
            first = Math.min(first, c.loggedAt());
            last = Math.max(last, c.loggedAt());
        }
        return new RequestLogChunk(chunkId, account, first, last, calls.size(), RequestLogLines.encode(calls));
    }

    private static Object[] row(RequestLogChunk c) {
        return new Object[] {c.chunkId(), c.accountId(), c.firstAt(), c.lastAt(), c.entries(), c.body()};
    }

    /**
     * Removes the calls logged before {@code cutoffMillis}: chunks wholly older go, and the few
     * that straddle the cutoff are written again with only their newer calls.
     *
     * @return how many calls were removed
     */
    public long purgeBefore(Database db, long cutoffMillis) {
        Table<RequestLogChunk> chunks = table();
        return db.write(tx -> {
            long removed =
                    tx.count("SELECT COALESCE(SUM(entries), 0) FROM request_log WHERE last_at < ?", cutoffMillis);
            tx.update("DELETE FROM request_log WHERE last_at < ?", cutoffMillis);
            for (RequestLogChunk c :
                    chunks.list(tx, "first_at < ? AND last_at >= ?", null, cutoffMillis, cutoffMillis)) {
                List<RequestLogRecord> kept = RequestLogLines.decode(c.body()).stream()
                        .filter(r -> r.loggedAt() >= cutoffMillis)
                        .toList();
                removed += c.entries() - kept.size();
                RequestLogChunk rest = chunk(c.chunkId(), c.accountId(), kept);
                tx.update(
                        "UPDATE request_log SET first_at = ?, entries = ?, body = ? WHERE chunk_id = ?",
                        rest.firstAt(),
                        rest.entries(),
                        rest.body(),
                        rest.chunkId());
            }
            return removed;
        });
    }
}
