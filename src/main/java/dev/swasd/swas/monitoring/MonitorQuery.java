package dev.swasd.swas.monitoring;

import dev.swasd.swas.SwasErrors;
import dev.swasd.swas.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * A DescribeMonitorData question, checked: the metric, the period (60, 300 or 900 seconds; FLOW_USED always
 * 3600 whatever is asked), the range (at most 31 days [doc]), the page length (1 to 1440 [doc], 1000 when
 * absent) and where the page starts ({@code NextToken}, which only continues the same question).
 */
public record MonitorQuery(
        String instanceId, Metric metric, long periodSeconds, TimeRange range, int length, long resumeAt) {
    public static final Duration LONGEST = Duration.ofDays(31);
    public static final int LENGTH_MAX = 1440;
    public static final int LENGTH_DEFAULT = 1000;
    private static final Set<String> PERIODS = Set.of("60", "300", "900");

    public static MonitorQuery of(
            String instanceId,
            String metricName,
            String period,
            String startTime,
            String endTime,
            String length,
            String nextToken) {
        Metric metric = Metric.named(metricName);
        if (metric == null) {
            throw SwasErrors.invalidParam("MetricName", "it is not a metric of this service.");
        }
        boolean flow = metric == Metric.FLOW_USED;
        if (period == null || !(PERIODS.contains(period) || (flow && period.equals("3600")))) {
            throw SwasErrors.invalidParam("Period", "it must be 60, 300 or 900.");
        }
        long seconds = flow ? Metric.FLOW_PERIOD_SECONDS : Long.parseLong(period);
        TimeRange range = TimeRange.parse(startTime, endTime, LONGEST);
        int size = length(length);
        MonitorQuery q = new MonitorQuery(instanceId, metric, seconds, range, size, range.from());
        return nextToken == null || nextToken.isEmpty() ? q : q.resumingAt(q.resumePoint(nextToken));
    }

    private static int length(String text) {
        if (text == null || text.isEmpty()) {
            return LENGTH_DEFAULT;
        }
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > LENGTH_MAX) {
            throw SwasErrors.invalidParam("Length", "it must be a whole number from 1 to " + LENGTH_MAX + ".");
        }
        return Integer.parseInt(text);
    }

    private MonitorQuery resumingAt(long t) {
        return new MonitorQuery(instanceId, metric, periodSeconds, range, length, t);
    }

    /** The token that continues this question at the point of time {@code t}. */
    public String tokenFor(long t) {
        String text = t + ":" + Long.toHexString(fingerprint());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private long resumePoint(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long t = Long.parseLong(text.substring(0, colon));
            if (Long.parseUnsignedLong(text.substring(colon + 1), 16) == fingerprint()
                    && t >= range.from()
                    && t < range.to()) {
                return t;
            }
        } catch (RuntimeException e) {
            // falls through to the refusal
        }
        throw SwasErrors.invalidParam("NextToken", "it does not continue this query.");
    }

    /** What a token is bound to: the server, the metric, the period and the range. */
    private long fingerprint() {
        return Series.mix(Series.seed(instanceId, metric.name())
                ^ Series.mix(periodSeconds)
                ^ Series.mix(range.from() * 31)
                ^ Series.mix(range.to() * 17));
    }
}
