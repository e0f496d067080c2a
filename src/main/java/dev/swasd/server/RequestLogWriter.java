package dev.swasd.server;

import dev.swasd.store.RequestLogRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the request log off the requests' path: a request only adds its call to a bounded
 * in-memory queue (no lock, no wait); a thread of its own writes what is queued in batches, one
 * transaction per batch of at most {@link #BATCH} entries, every {@link #INTERVAL} or as soon as a
 * batch is full. When the queue is full the call is dropped and counted
 * ({@code swasd_request_log_dropped_total}), never waited for; a batch the database refuses is
 * dropped and counted too. {@link #flush} writes everything queued before it was called (ListRequestLogs
 * calls it, so that a caller reads its own previous calls); {@link #close} writes what is left.
 */
final class RequestLogWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLogWriter.class);

    /**
     * Calls queued at most: about 16 MiB of shaped calls, so that a writer that falls behind (a busy
     * or stalled database) cannot take the heap of a small node; beyond it calls are dropped and counted.
     */
    static final int CAPACITY = 16_384;
    /** Entries per transaction at most. */
    static final int BATCH = 4_096;
    /**
     * How often the queue is written when it does not fill a batch first. On SQLite each commit
     * makes the read cache (ReadCache) read again what it kept, so the log commits rarely; 1,000
     * entries every 200 ms measured the same as this within the bench's spread (docs/performance.md).
     */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** How long close waits for the last batches. */
    private static final long CLOSE_SECONDS = 10;

    /** Where batches go: one transaction each. */
    @FunctionalInterface
    interface Sink {
        void write(List<RequestLogRecord> batch);
    }

    private final Sink sink;
    private final int capacity;
    private final int batch;
    private final ConcurrentLinkedQueue<RequestLogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock writing = new ReentrantLock();
    private final Counter dropped;
    private final Counter written;
    private final Thread thread;
    private volatile boolean closed;

    RequestLogWriter(Sink sink, MeterRegistry registry) {
        this(sink, registry, CAPACITY, BATCH, INTERVAL);
    }

    RequestLogWriter(Sink sink, MeterRegistry registry, int capacity, int batch, Duration interval) {
        this.sink = sink;
        this.capacity = capacity;
        this.batch = batch;
        this.dropped = Counter.builder("swasd.request_log.dropped")
                .description(
                        "API calls the request log did not keep: its queue was full or the database refused a batch")
                .register(registry);
        this.written = Counter.builder("swasd.request_log.written")
                .description("API calls written to the request log")
                .register(registry);
        Gauge.builder("swasd.request_log.queued", queued, AtomicInteger::get)
                .description("API calls waiting to be written to the request log")
                .register(registry);
        long intervalNanos = interval.toNanos();
        this.thread = Thread.ofPlatform().name("swasd-request-log").daemon(true).start(() -> run(intervalNanos));
    }

    /**
     * Queues a call; drops and counts it when the queue is full or the writer closed. Never blocks.
     * The call is shaped into its row here, on the request's thread: a queued row is a few small
     * strings, where the call holds the request's whole parameter map, and what waits up to a
     * second for its batch outlives young collections (a JFR profile of the list benchmark had the
     * collector's pauses five times as long while calls were queued whole).
     */
    void record(RequestLogEntries.Call call) {
        if (closed) {
            dropped.increment();
            return;
        }
        int n = queued.incrementAndGet();
        if (n > capacity) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        try {
            queue.add(RequestLogEntries.row(call));
        } catch (RuntimeException e) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        if (n == batch) {
            LockSupport.unpark(thread);
        }
    }

    /** Calls queued and not yet written (tests, metrics). */
    int queued() {
        return queued.get();
    }

    /** Calls dropped so far. */
    long dropped() {
        return (long) dropped.count();
    }

    /**
     * Writes every call queued before this was called, waiting for a batch the writer thread has in
     * hand; returns when they are committed (or, when the database refused them, dropped).
     */
    void flush() {
        writing.lock();
        try {
            int due = queued.get();
            while (due > 0) {
                List<RequestLogRecord> calls = new ArrayList<>(Math.min(due, batch));
                RequestLogRecord c;
                while (calls.size() < batch && calls.size() < due && (c = queue.poll()) != null) {
                    calls.add(c);
                }
                if (calls.isEmpty()) {
                    return;
                }
                queued.addAndGet(-calls.size());
                due -= calls.size();
                write(calls);
            }
        } finally {
            writing.unlock();
        }
    }

    private void write(List<RequestLogRecord> rows) {
        try {
            sink.write(rows);
            written.increment(rows.size());
        } catch (RuntimeException e) {
            dropped.increment(rows.size());
            LOG.warn("request log: could not write {} entries, dropped: {}", rows.size(), e.getMessage());
        }
    }

    private void run(long intervalNanos) {
        while (!closed) {
            LockSupport.parkNanos(this, intervalNanos);
            flush();
        }
    }

    /** Stops taking calls and writes what is queued. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
