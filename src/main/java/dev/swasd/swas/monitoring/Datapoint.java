package dev.swasd.swas.monitoring;

/**
 * One point of a series, at the start of its period (epoch ms). A gauge's point carries {@code average},
 * {@code maximum} and {@code minimum} ({@code sum} null); a counter's carries {@code sum} only.
 */
public record Datapoint(long timestamp, Number average, Number maximum, Number minimum, Long sum) {
    public static Datapoint gauge(long timestamp, Number average, Number maximum, Number minimum) {
        return new Datapoint(timestamp, average, maximum, minimum, null);
    }

    public static Datapoint counter(long timestamp, long sum) {
        return new Datapoint(timestamp, null, null, null, sum);
    }
}
