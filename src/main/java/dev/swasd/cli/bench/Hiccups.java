package dev.swasd.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * What the meter saw: the longest overshoot, how many reached {@link #NOTABLE_MICROS}, and the
     * CPU time the hypervisor took from this machine's CPUs meanwhile (the kernel's "steal", summed
     * over the CPUs; -1 where the kernel does not say).
     */
    record Summary(double longestMillis, long notable, long stealMillis) {
        /**
         * The longest overshoot to a tenth of a millisecond, rounded down, so that 4.99 ms does not
         * read as 5.0 beside "0 >= 5 ms" (in the line and the JSON alike).
         */
        double longestShownMillis() {
            return Math.floor(longestMillis * 10) / 10;
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "hiccups: longest %.1f ms, %d >= %d ms%s",
                    longestShownMillis(),
                    notable,
                    NOTABLE_MICROS / 1000,
                    stealMillis < 0 ? "" : ", steal " + stealMillis + " ms");
        }
    }

    private final Histogram overshoot = new Histogram(TimeUnit.SECONDS.toMicros(60), 2);
    private final Thread thread;
    private final long steal0 = stealMillis();
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
        long steal = stealMillis();
        return new Summary(overshoot.getMaxValue() / 1000.0, notable, steal < 0 || steal0 < 0 ? -1 : steal - steal0);
    }

    /**
     * The CPU time stolen from this machine since boot: the eighth figure of /proc/stat's "cpu"
     * line, in clock ticks of 10 ms (USER_HZ is 100 on every Linux the JVM runs on); -1 elsewhere.
     */
    static long stealMillis() {
        try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/stat"))) {
            String[] f = r.readLine().trim().split("\\s+");
            return f[0].equals("cpu") && f.length > 8 ? Long.parseLong(f[8]) * 10 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopped) {
            stop();
        }
    }
}
