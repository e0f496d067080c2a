package dev.swasd.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log's appender: requests queue their events, and one thread writes what has queued
 * every {@link #setFlushMillis flushMillis} in one write to stderr. Logback's AsyncAppender did
 * the same work per line: every event woke its thread (a futex call and a context switch on two
 * busy cores) and became a write of its own, about a tenth of the server's CPU under load
 * (docs/performance.md). Lines still leave in order and none is dropped: when {@code queueSize}
 * events wait, a request waits for room, as it did. A line may appear up to flushMillis late, and
 * what is queued is written when logging stops or the JVM exits.
 */
public final class BatchingStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;
    private int flushMillis = 20;
    private OutputStream out = new FileOutputStream(FileDescriptor.err);
    private ArrayBlockingQueue<ILoggingEvent> queue;
    private Thread writer;
    private volatile boolean stopping;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setFlushMillis(int flushMillis) {
        this.flushMillis = flushMillis;
    }

    /** Where the lines go instead of stderr (tests). */
    void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for appender " + name);
            return;
        }
        if (queueSize < 1 || flushMillis < 1) {
            addError("queueSize and flushMillis must be positive");
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        stopping = false;
        writer = Thread.ofPlatform().daemon().name("swasd-log-writer").start(this::writeBatches);
        // the JVM exiting (SIGTERM, the end of a command) does not stop Logback: write what is queued
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::stop));
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // the message is formatted (and the thread's name taken) now, on the caller's thread
        event.prepareForDeferredProcessing();
        // no one waits on the queue's condition, so this wakes no thread; when the queue is full it waits for room
        try {
            queue.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeBatches() {
        List<ILoggingEvent> batch = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        while (true) {
            boolean last = stopping;
            queue.drainTo(batch);
            if (!batch.isEmpty()) {
                write(batch, bytes);
            } else if (last) {
                return;
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(flushMillis));
            }
        }
    }

    private void write(List<ILoggingEvent> batch, ByteArrayOutputStream bytes) {
        try {
            for (ILoggingEvent event : batch) {
                bytes.write(encoder.encode(event));
            }
            out.write(bytes.toByteArray());
            out.flush();
        } catch (IOException | RuntimeException e) {
            addError("cannot write the log", e);
        } finally {
            batch.clear();
            bytes.reset();
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public synchronized void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
