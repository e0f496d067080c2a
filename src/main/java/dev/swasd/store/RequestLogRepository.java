package dev.swasd.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and purges the request log ({@code request_log}, V19). Reads go through a {@link Table}
 * of {@link RequestLogRecord} in the domain (ListRequestLogs).
 */
public final class RequestLogRepository {
    /** Rows one purge statement removes at most, so that no purge holds the writer for long. */
    static final int PURGE_CHUNK = 5000;

    /** The table as the domain reads it. */
    public static Table<RequestLogRecord> table() {
        return new Table<>("request_log", RequestLogRecord.class, "requestId");
    }

    private static final String INSERT = "INSERT INTO request_log (request_id, account_id, logged_at, product, action, "
            + "api_version, principal, user_name, access_key_id, source_ip, parameters, http_status, code, message, "
            + "latency_micros) VALUES (" + Tx.marks(15) + ")";

    /**
     * Appends a batch of entries in the caller's transaction. The row's values are taken by plain
     * calls rather than through {@link Table}'s reflection: a profile of the list benchmark had a
     * fifth of the log's cost there.
     */
    public void append(Tx tx, List<RequestLogRecord> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (RequestLogRecord e : entries) {
            rows.add(new Object[] {
                e.requestId(),
                e.accountId(),
                e.loggedAt(),
                e.product(),
                e.action(),
                e.apiVersion(),
                e.principal(),
                e.userName(),
                e.accessKeyId(),
                e.sourceIp(),
                e.parameters(),
                e.httpStatus(),
                e.code(),
                e.message(),
                e.latencyMicros()
            });
        }
        tx.batch(INSERT, rows);
    }

    /**
     * Removes the entries logged before {@code cutoffMillis}, account by account and a chunk per
     * statement, so that each statement is short and uses the log's one index.
     *
     * @return how many entries were removed
     */
    public long purgeBefore(Database db, long cutoffMillis) {
        List<String> accounts = db.read(
                tx -> tx.query("SELECT DISTINCT account_id FROM accounts ORDER BY account_id", rs -> rs.getString(1)));
        long removed = 0;
        for (String account : accounts) {
            int n;
            do {
                n = db.writeStatement(c -> {
                    try (var ps = c.prepareStatement("DELETE FROM request_log WHERE request_id IN ("
                            + "SELECT request_id FROM request_log WHERE account_id = ? AND logged_at < ? LIMIT "
                            + PURGE_CHUNK + ") AND account_id = ? AND logged_at < ?")) {
                        ps.setString(1, account);
                        ps.setLong(2, cutoffMillis);
                        ps.setString(3, account);
                        ps.setLong(4, cutoffMillis);
                        return ps.executeUpdate();
                    }
                });
                removed += n;
            } while (n >= PURGE_CHUNK);
        }
        return removed;
    }
}
