package dev.swasd.cli.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Drives one scenario over keep-alive connections, one virtual thread each: closed loop (every
 * connection sends as fast as answers come, to find the peak) or fixed rate (arrivals on a
 * schedule, latency measured from the scheduled time so a slow server cannot hide its queue).
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

    private LoadRun() {
    }

    static Result closedLoop(String host, int port, int connections, double seconds, Operation op)
            throws InterruptedException {
        return run(host, port, connections, 0, seconds, op, 0);
    }

    /**
     * Arrivals at {@code perSecond} for {@code leadIn} seconds, not measured, then for {@code seconds},
     * measured: the lead-in lets the server settle into the rate (drain what an earlier scenario
     * left queued) so the figure is the steady state at that rate, as wrk2's calibration period does.
     */
    static Result fixedRate(String host, int port, int connections, double leadIn, double seconds, double perSecond,
            Operation op) throws InterruptedException {
        return run(host, port, connections, leadIn, seconds, op, perSecond);
    }

    private static Result run(String host, int port, int connections, double leadIn, double seconds, Operation op,
            double rate) throws InterruptedException {
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong ticket = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastDone = new AtomicLong();
        long begin = System.nanoTime();
        long start = begin + (long) (leadIn * 1e9); // measured from here
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            // Paced connections are platform threads: a timed park of a virtual thread is woken through
            // the scheduler, late by whatever the carriers are busy with, and that lateness would be
            // counted as the server's latency. Measured: the bare endpoint at a fixed 2,400/s had p99
            // 6.5 ms on virtual threads, 4.1 ms on platform threads, with less client CPU.
            Thread.Builder builder = rate > 0 ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
            threads.add(builder.start(() -> {
                HttpConnection c = null;
                try {
                    while (true) {
                        long scheduled;
                        if (rate > 0) {
                            scheduled = begin + (long) (ticket.getAndIncrement() * 1e9 / rate);
                            if (scheduled >= end) {
                                break;
                            }
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        } else {
                            scheduled = System.nanoTime();
                            if (scheduled >= end) {
                                break;
                            }
                        }
                        try {
                            if (c == null) {
                                c = new HttpConnection(host, port);
                            }
                            if (!op.run(c)) {
                                break;
                            }
                            long finished = System.nanoTime();
                            if (scheduled >= start) {
                                latency.recordValue(Math.max(1, (finished - scheduled) / 1000));
                                done.incrementAndGet();
                                lastDone.accumulateAndGet(finished, Math::max);
                            }
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
