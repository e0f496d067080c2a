package dev.swasd.swas.monitoring;

/**
 * One point of a series, at the start of its period (epoch ms): a {@link Gauge}'s statistics over the period,
 * or a {@link Counter}'s amount within it.
 */
public sealed interface Datapoint {
    long timestamp();

    /** A gauge (CPU, memory, disk, rates, IOPS): Average, Maximum and Minimum over the period. */
    record Gauge(long timestamp, Number average, Number maximum, Number minimum) implements Datapoint {}

    /** A counter (FLOW_USED): the amount within the period. */
    record Counter(long timestamp, long sum) implements Datapoint {}

    static Datapoint gauge(long timestamp, Number average, Number maximum, Number minimum) {
        return new Gauge(timestamp, average, maximum, minimum);
    }

    static Datapoint counter(long timestamp, long sum) {
        return new Counter(timestamp, sum);
    }
}
