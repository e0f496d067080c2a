package dev.swasd.swas.databases;

import dev.swasd.swas.StableHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A database instance's error log and slow query log, made up deterministically: each hour of the
 * instance's life gets a few entries whose times and contents come from a hash of the instance id and the
 * hour, so the same range always reads the same and nothing is stored. Only entries from the instance's
 * creation to now exist.
 */
final class DatabaseLogs {
    private static final long HOUR = 3_600_000;

    /** One error log line. */
    record ErrorEntry(long at, String info) {}

    /** One slow query: times in ms and s as the service reports them, counts of rows, and physical reads. */
    record SlowEntry(
            long at,
            String dbName,
            String hostAddress,
            long lockSeconds,
            long parsedRows,
            long queryMillis,
            long returnedRows,
            String sql,
            long physicalReads) {
        long querySeconds() {
            return queryMillis / 1000;
        }
    }

    private static final List<String> ERRORS_80 = List.of(
            "[Note] [MY-010914] [Server] Aborted connection %d to db: 'unconnected' user: 'root' host: '%s' (Got an"
                    + " error reading communication packets).",
            "[Warning] [MY-010055] [Server] IP address '%2$s' could not be resolved: Name or service not known",
            "[Warning] [MY-013360] [Server] Plugin mysql_native_password reported: ''mysql_native_password' is"
                    + " deprecated and will be removed in a future release. Please use caching_sha2_password instead'",
            "[Note] [MY-010926] [Server] Access denied for user 'root'@'%2$s' (using password: YES)");
    private static final List<String> ERRORS_57 = List.of(
            "[Note] Aborted connection %d to db: 'unconnected' user: 'root' host: '%s' (Got an error reading"
                    + " communication packets)",
            "[Warning] IP address '%2$s' could not be resolved: Name or service not known",
            "[Warning] Timeout waiting for reply of binlog (file: mysql-bin.000%1$d), semi-sync up to file , position"
                    + " 0.",
            "[Note] Access denied for user 'root'@'%2$s' (using password: YES)");
    private static final List<String> DATABASES = List.of("app", "orders", "inventory", "events");
    private static final List<String> QUERIES = List.of(
            "select sleep(2)",
            "SELECT * FROM orders WHERE customer_id = 1042 ORDER BY created_at DESC",
            "UPDATE inventory SET stock = stock - 1 WHERE sku = 'A-1001'",
            "SELECT COUNT(*) FROM events WHERE created_at > '2022-09-01 00:00:00'",
            "DELETE FROM sessions WHERE expires_at < NOW()",
            "SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'open'");

    private DatabaseLogs() {}

    static List<ErrorEntry> errors(String instanceId, String version, long createdAt, Window w) {
        List<String> lines = version.startsWith("5.") ? ERRORS_57 : ERRORS_80;
        long seed = StableHash.of(instanceId, "error-log");
        List<ErrorEntry> out = new ArrayList<>();
        for (long hour : w.hours(createdAt)) {
            long h = StableHash.mix(seed ^ hour);
            for (int k = 0; k < Math.floorMod(h, 3L); k++) {
                long e = StableHash.mix(h + k);
                long at = hour + Math.floorMod(e, HOUR) / 1000 * 1000;
                if (w.holds(at, createdAt)) {
                    String line = lines.get((int) Math.floorMod(e >>> 20, (long) lines.size()));
                    out.add(new ErrorEntry(at, String.format(line, Math.floorMod(e >>> 8, 90_000L) + 10, host(e))));
                }
            }
        }
        out.sort(Comparator.comparingLong(ErrorEntry::at));
        return out;
    }

    static List<SlowEntry> slow(String instanceId, long createdAt, Window w) {
        long seed = StableHash.of(instanceId, "slow-log");
        List<SlowEntry> out = new ArrayList<>();
        for (long hour : w.hours(createdAt)) {
            long h = StableHash.mix(seed ^ hour);
            for (int k = 0; k < Math.floorMod(h, 4L); k++) {
                long e = StableHash.mix(h + 31L * (k + 1));
                long at = hour + Math.floorMod(e, HOUR) / 1000 * 1000;
                if (!w.holds(at, createdAt)) {
                    continue;
                }
                long parsed = 1 + Math.floorMod(StableHash.mix(e + 1), 500_000L);
                out.add(new SlowEntry(
                        at,
                        DATABASES.get((int) Math.floorMod(e >>> 12, (long) DATABASES.size())),
                        "root[root] @ [" + host(e) + "]",
                        Math.floorMod(e >>> 24, 3L),
                        parsed,
                        1_000 + Math.floorMod(StableHash.mix(e + 2), 11_000L),
                        1 + Math.floorMod(StableHash.mix(e + 3), Math.min(parsed, 1_000L)),
                        QUERIES.get((int) Math.floorMod(e >>> 32, (long) QUERIES.size())),
                        parsed / 100));
            }
        }
        out.sort(Comparator.comparingLong(SlowEntry::at));
        return out;
    }

    private static String host(long e) {
        return "172.16." + Math.floorMod(e >>> 40, 256L) + "." + (1 + Math.floorMod(e >>> 48, 254L));
    }

    /** The range asked, {@code [from, to)}, cut at {@code now}. */
    record Window(long from, long to, long now) {
        /** The hours that can hold an entry of an instance made at {@code createdAt}. */
        List<Long> hours(long createdAt) {
            long first = Math.floorDiv(Math.max(from, createdAt), HOUR) * HOUR;
            long end = Math.min(to, now + 1);
            List<Long> out = new ArrayList<>();
            for (long h = first; h < end; h += HOUR) {
                out.add(h);
            }
            return out;
        }

        boolean holds(long at, long createdAt) {
            return at >= from && at < to && at >= createdAt && at <= now;
        }
    }
}
