package dev.swasd.cli.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Measures how long the machine stops running the bench's own threads, as jHiccup does: a
 * platform thread asks to sleep 1 ms at a time, and whatever it overslept is recorded. It does no
 * request work, so its waits are the platform's: the VM's CPUs held by the hypervisor, the
 * kernel's own work, the client JVM's pauses, a run queue longer than the cores. A latency
 * percentile over a span in which this thread lost 8 ms is not the server's alone, which is why
 * every scenario line reports it.
 */
final class Hiccups implements AutoCloseable {
    /** The overshoot that counts as a hiccup in the summary: five of the meter's 1 ms sleeps. */
    static final long NOTABLE_MICROS = 5_000;
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** How the meter sleeps; tests substitute one that oversleeps on cue. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** What the meter saw: the longest overshoot and how many reached {@link #NOTABLE_MICROS}. */
    record Summary(double longestMillis, long notable) {
        String describe() {
            // rounded down, so that 4.99 ms does not read as 5.0 beside "0 >= 5 ms"
            return String.format(Locale.ROOT, "hiccups: longest %.1f ms, %d >= %d ms", Math.floor(longestMillis * 10) / 10,
                    notable, NOTABLE_MICROS / 1000);
        }
    }

    private final Histogram overshoot = new Histogram(TimeUnit.SECONDS.toMicros(60), 2);
    private final Thread thread;
    private volatile boolean stopped;

    private Hiccups(Sleeper sleeper) {
        thread = Thread.ofPlatform().daemon().name("bench-hiccups").unstarted(() -> measure(sleeper));
    }

    /** Starts a meter that sleeps with {@link Thread#sleep}. */
    static Hiccups start() {
        return start(nanos -> Thread.sleep(Duration.ofNanos(nanos)));
    }

    static Hiccups start(Sleeper sleeper) {
        Hiccups h = new Hiccups(sleeper);
        h.thread.start();
        return h;
    }

    private void measure(Sleeper sleeper) {
        while (!stopped) {
            long before = System.nanoTime();
            try {
                sleeper.sleep(INTERVAL_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            long over = System.nanoTime() - before - INTERVAL_NANOS;
            overshoot.recordValue(Math.min(overshoot.getHighestTrackableValue(), Math.max(0, over / 1000)));
        }
    }

    /** Stops the meter and says what it saw while it ran. */
    Summary stop() throws InterruptedException {
        stopped = true;
        thread.join(); // after which the histogram, written by that thread only, is safe to read
        long notable = overshoot.getCountBetweenValues(NOTABLE_MICROS, overshoot.getHighestTrackableValue());
        return new Summary(overshoot.getMaxValue() / 1000.0, notable);
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopped) {
            stop();
        }
    }
}
