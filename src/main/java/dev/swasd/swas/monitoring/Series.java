package dev.swasd.swas.monitoring;

import dev.swasd.swas.StableHash;
import java.math.BigInteger;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's monitoring series, made up deterministically: every value is derived from a hash of the
 * server's id, the metric and the point's timestamp, so the same question always gets the same answer and
 * no sample is ever stored. Values stay plausible for the server's plan (memory below the plan's memory,
 * disk below the disk size, rates below the bandwidth, CPU within 0-100 %).
 *
 * <p>FLOW_USED is consistent with the traffic package: the hourly points of the current month (UTC), from
 * the month's first hour (or the server's creation) to the hour now in progress, add up exactly to the
 * month's traffic used; earlier months get hourly amounts of their own, made up below a tenth of the hourly
 * share of the quota.
 */
public final class Series {
    private static final long HOUR = 3_600_000;

    private Series() {}

    /**
     * The points at the period's multiples (epoch-aligned) {@code t} with {@code from <= t < to}, the
     * server existing in {@code t}'s period and that period begun by {@code now}.
     */
    public static List<Datapoint> points(
            ServerProfile server, Metric metric, long periodSeconds, long from, long to, long now) {
        long p = periodSeconds * 1000;
        long first = Math.max(ceil(from, p), Math.floorDiv(server.createdAt(), p) * p);
        long end = Math.min(to, now + 1);
        List<Datapoint> out = new ArrayList<>();
        FlowMonth month = metric == Metric.FLOW_USED ? new FlowMonth(server, now) : null;
        for (long t = first; t < end; t += p) {
            out.add(metric == Metric.FLOW_USED ? Datapoint.counter(t, month.bytes(t)) : gauge(server, metric, t));
        }
        return out;
    }

    /** How many points {@link #points} gives, without making them. */
    public static long count(ServerProfile server, long periodSeconds, long from, long to, long now) {
        long p = periodSeconds * 1000;
        long first = Math.max(ceil(from, p), Math.floorDiv(server.createdAt(), p) * p);
        long end = Math.min(to, now + 1);
        return end <= first ? 0 : (end - first + p - 1) / p;
    }

    static Datapoint gauge(ServerProfile s, Metric metric, long t) {
        long seed = seed(s.instanceId(), metric.name());
        // the server's typical level for this metric, then this point's spread around it
        double level = unit(mix(seed));
        double u = unit(mix(seed ^ t));
        double v = unit(mix(seed + 31 * t));
        double w = unit(mix(seed - 17 * t));
        return switch (metric) {
            case CPU_UTILIZATION -> {
                double avg = round2(2 + level * 38 + (u - 0.5) * 2 * (2 + level * 30));
                double max = round2(Math.min(100, avg + v * 25));
                double min = round2(Math.max(0, avg - w * avg));
                yield Datapoint.gauge(t, avg, max, min);
            }
            case MEMORY_ACTUALUSEDSPACE -> bytes(t, s.memoryBytes(), 0.25 + level * 0.45, u, v, w);
            case DISKUSAGE_USED -> bytes(t, s.diskBytes(), 0.08 + level * 0.42, u, v / 10, w / 10);
            case VPC_PUBLICIP_INTERNETOUT_RATE -> rate(t, s.bandwidthBitsPerSecond(), 0.002 + level * 0.05, u, v, w);
            case VPC_PUBLICIP_INTERNETIN_RATE -> rate(t, s.bandwidthBitsPerSecond(), 0.001 + level * 0.02, u, v, w);
            case DISK_READ_IOPS -> iops(t, 1 + level * 40, u, v, w);
            case DISK_WRITE_IOPS -> iops(t, 3 + level * 90, u, v, w);
            case FLOW_USED -> throw new IllegalArgumentException("FLOW_USED is a counter");
        };
    }

    /** Bytes in use around {@code share} of {@code total}, always below {@code total}. */
    private static Datapoint bytes(long t, long total, double share, double u, double v, double w) {
        double avgShare = Math.min(0.95, share * (0.9 + u * 0.2));
        long avg = (long) (total * avgShare);
        long max = Math.min(total - 1, avg + (long) (total * 0.05 * v));
        long min = Math.max(0, avg - (long) (total * 0.05 * w));
        return Datapoint.gauge(t, avg, max, min);
    }

    /** A rate in bit/s around {@code share} of the bandwidth, never above it. */
    private static Datapoint rate(long t, long bandwidth, double share, double u, double v, double w) {
        long avg = (long) (bandwidth * share * (0.3 + u * 1.4));
        long max = Math.min(bandwidth, avg + (long) (bandwidth * 0.2 * v));
        long min = (long) (avg * (1 - w));
        return Datapoint.gauge(t, avg, max, min);
    }

    private static Datapoint iops(long t, double level, double u, double v, double w) {
        double avg = round2(level * (0.2 + u * 1.6));
        return Datapoint.gauge(t, avg, round2(avg + v * level * 2), round2(avg * (1 - w)));
    }

    /**
     * The hourly FLOW_USED amounts: the current month's traffic used spread over the month's hours so far by
     * hashed weights (each hour is the difference of two cumulative floors, so the hours add up exactly).
     */
    private static final class FlowMonth {
        private final ServerProfile server;
        private final long seed;
        private final long monthStart;
        private final long firstHour;
        private final long[] cumulative;
        private final long total;

        FlowMonth(ServerProfile server, long now) {
            this.server = server;
            this.seed = seed(server.instanceId(), Metric.FLOW_USED.name());
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC));
            this.monthStart =
                    month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            this.firstHour = Math.max(monthStart, Math.floorDiv(server.createdAt(), HOUR) * HOUR);
            long lastHour = Math.floorDiv(now, HOUR) * HOUR;
            int hours = lastHour < firstHour ? 0 : (int) ((lastHour - firstHour) / HOUR) + 1;
            this.cumulative = new long[hours + 1];
            for (int i = 0; i < hours; i++) {
                cumulative[i + 1] = cumulative[i] + weight(firstHour + i * HOUR);
            }
            this.total = server.trafficUsedThisMonth();
        }

        private long weight(long hour) {
            return 1 + Math.floorMod(mix(seed ^ hour), 1000L);
        }

        long bytes(long hour) {
            if (hour >= monthStart) {
                int i = (int) ((hour - firstHour) / HOUR);
                if (i < 0 || i + 1 >= cumulative.length) {
                    return 0;
                }
                return share(i + 1) - share(i);
            }
            // an earlier month: made up, below a tenth of the quota's hourly share
            long hourly = server.flowQuotaBytes() / (31 * 24) / 10;
            return (long) (hourly * unit(mix(seed + hour)));
        }

        private long share(int i) {
            long w = cumulative[cumulative.length - 1];
            return w == 0 ? 0 : mulDiv(total, cumulative[i], w);
        }
    }

    /** {@code a * b / c} without overflow for {@code a} up to petabytes and {@code b <= c}. */
    static long mulDiv(long a, long b, long c) {
        return BigInteger.valueOf(a)
                .multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c))
                .longValueExact();
    }

    static long seed(String instanceId, String metric) {
        return StableHash.of(instanceId, metric);
    }

    static long mix(long x) {
        return StableHash.mix(x);
    }

    static double unit(long h) {
        return StableHash.unit(h);
    }

    private static long ceil(long t, long p) {
        return Math.floorDiv(t + p - 1, p) * p;
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
