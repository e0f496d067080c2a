package dev.swasd.swas.databases;

import dev.swasd.swas.StableHash;
import java.util.ArrayList;
import java.util.List;

/**
 * A database instance's performance series (DescribeDatabaseInstanceMetricData), made up deterministically
 * from a hash of the instance id, the metric and the point's time. One point per interval: 60 s for a range
 * up to an hour, 300 s up to a day, 3600 s beyond; at the interval's multiples within the range, from the
 * instance's creation to now. Values are {@code &}-joined as the service's {@code DataFormat} says.
 */
final class DatabaseMetrics {
    static final long HOUR = 3_600_000;
    static final long DAY = 24 * HOUR;
    /** A seeded instance's storage (DescribeDatabaseInstances' Storage), in MB. */
    static final long STORAGE_MB = 40 * 1024;
    /** max_connections' default (MysqlParameters). */
    static final long MAX_CONNECTIONS = 500;

    /** The documented metrics, each with its unit and data format. */
    enum Metric {
        MySQL_MemCpuUsage("%", "cpuusage&memusage"),
        MySQL_DetailedSpaceUsage("MB", "ins_size&data_size&log_size&tmp_size&other_size"),
        MySQL_Sessions("int", "active_session&total_session"),
        MySQL_IOPS("int", "io");

        final String unit;
        final String dataFormat;

        Metric(String unit, String dataFormat) {
            this.unit = unit;
            this.dataFormat = dataFormat;
        }
    }

    /** One point: its time and its {@code &}-joined value. */
    record Point(long at, String value) {}

    private DatabaseMetrics() {}

    static long intervalFor(long from, long to) {
        long span = to - from;
        return span <= HOUR ? 60_000 : span <= DAY ? 300_000 : HOUR;
    }

    static List<Point> series(String instanceId, long createdAt, Metric metric, long from, long to, long now) {
        long p = intervalFor(from, to);
        long first = Math.max(Math.floorDiv(from + p - 1, p) * p, Math.floorDiv(createdAt, p) * p);
        long end = Math.min(to, now + 1);
        long seed = StableHash.of(instanceId, metric.name());
        double level = StableHash.unit(StableHash.mix(seed));
        List<Point> out = new ArrayList<>();
        for (long t = first; t < end; t += p) {
            long h = StableHash.mix(seed ^ t);
            double u = StableHash.unit(h);
            double v = StableHash.unit(StableHash.mix(h));
            out.add(new Point(t, value(metric, level, u, v, h)));
        }
        return out;
    }

    private static String value(Metric metric, double level, double u, double v, long h) {
        return switch (metric) {
            case MySQL_MemCpuUsage -> pct(1 + level * 30 * (0.4 + u * 1.2)) + "&" + pct(30 + level * 40 + v * 10);
            case MySQL_Sessions -> {
                long total = 5 + (long) (level * 60 * (0.5 + u));
                long active = Math.round(total * v * 0.4);
                yield Math.min(active, MAX_CONNECTIONS) + "&" + Math.min(total, MAX_CONNECTIONS);
            }
            case MySQL_DetailedSpaceUsage -> {
                long data = 200 + (long) (level * STORAGE_MB * 0.3) + Math.floorMod(h, 50L);
                long log = 100 + Math.floorMod(h >>> 8, 400L);
                long tmp = Math.floorMod(h >>> 20, 64L);
                long other = 1_200 + Math.floorMod(h >>> 32, 100L);
                yield (data + log + tmp + other) + "&" + data + "&" + log + "&" + tmp + "&" + other;
            }
            case MySQL_IOPS -> Long.toString((long) (2 + level * 150 * (0.3 + u)));
        };
    }

    private static String pct(double x) {
        return String.format(java.util.Locale.ROOT, "%.2f", Math.min(100, Math.max(0, x)));
    }
}
