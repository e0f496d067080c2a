package dev.swasd.cli.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives one scenario over keep-alive connections, one virtual thread each, closed loop: every
 * connection sends as fast as answers come, to find the peak. (A fixed rate is PacedRun's.)
 */
final class LoadRun {
    /**
     * One operation of a scenario on a connection; throws when an answer is not the expected one,
     * returns false when the scenario has nothing left to do (its pool of ids is used up).
     */
    @FunctionalInterface
    interface Operation {
        boolean run(HttpConnection connection) throws IOException;
    }

    /** What a run measured. Latencies are in microseconds. */
    record Result(long operations, long failures, double seconds, Histogram latency, String firstFailure) {
        double perSecond() {
            return operations / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private LoadRun() {}

    /** Every connection sends as soon as it has its answer, for {@code seconds}: the peak. */
    static Result closedLoop(String host, int port, int connections, double seconds, Operation op)
            throws InterruptedException {
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastDone = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                HttpConnection c = null;
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        try {
                            if (c == null) {
                                c = new HttpConnection(host, port);
                            }
                            if (!op.run(c)) {
                                break;
                            }
                            long finished = System.nanoTime();
                            latency.recordValue(Math.max(1, (finished - sent) / 1000));
                            done.incrementAndGet();
                            lastDone.accumulateAndGet(finished, Math::max);
                        } catch (IOException | RuntimeException e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getMessage());
                            closeQuietly(c);
                            c = null;
                        }
                    }
                } finally {
                    closeQuietly(c);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        // a scenario that ran out of work ends at its last answer, not at the deadline
        double elapsed = (Math.min(System.nanoTime(), Math.max(lastDone.get(), start + 1)) - start) / 1e9;
        return new Result(done.get(), failed.get(), elapsed, latency, firstFailure.get());
    }

    private static void closeQuietly(HttpConnection c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }
}
