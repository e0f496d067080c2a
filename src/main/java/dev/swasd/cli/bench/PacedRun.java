package dev.swasd.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate, open loop, as wrk2 sends them: request {@code i} is due at
 * {@code i / rate} seconds, whether or not earlier answers have come, and its latency counts from
 * that moment, so a server that falls behind shows its queue instead of slowing the schedule.
 *
 * <p>One thread drives every connection through a selector. Pacing a request costs only the
 * selector's wait until the next is due; an earlier version gave each connection a platform
 * thread that parked until its next slot, and those thousands of timed wake-ups a second cost the
 * client more CPU than the server's answers did (0.38 cores at 9,400 a second), CPU the server
 * shares on two cores.
 */
final class PacedRun {
    private PacedRun() {}

    /** One keep-alive connection: idle, or awaiting the answer to the request sent at {@code sentFor}. */
    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        long scheduled = -1;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /**
     * Runs {@code requests} (each a complete request, sent once) at {@code perSecond}: for
     * {@code leadIn} seconds unmeasured (the server settles into the rate), then {@code seconds}
     * measured. A request the schedule reaches when every connection is busy waits for one,
     * its latency still counted from when it was due.
     */
    static LoadRun.Result run(
            String host,
            int port,
            int connections,
            double leadIn,
            double seconds,
            double perSecond,
            Supplier<byte[]> requests)
            throws IOException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long failures = 0;
        String firstFailure = null;
        long done = 0;
        try (Selector selector = Selector.open()) {
            List<Conn> all = new ArrayList<>();
            ArrayDeque<Conn> idle = new ArrayDeque<>();
            for (int i = 0; i < connections; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(host, port));
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Conn c = new Conn(ch);
                ch.register(selector, SelectionKey.OP_READ, c);
                all.add(c);
                idle.add(c);
            }
            long begin = System.nanoTime();
            long start = begin + (long) (leadIn * 1e9);
            long end = start + (long) (seconds * 1e9);
            double interval = 1e9 / perSecond;
            long next = 0; // the index of the next request due
            ArrayDeque<Long> waiting = new ArrayDeque<>(); // due, but no connection was free
            int busy = 0;
            while (true) {
                long now = System.nanoTime();
                for (long due = begin + (long) (next * interval);
                        due <= now && due < end;
                        due = begin + (long) (++next * interval)) {
                    waiting.add(due);
                }
                while (!waiting.isEmpty() && !idle.isEmpty()) {
                    byte[] request = requests.get();
                    if (request == null) {
                        throw new IOException("the signed corpus ran out");
                    }
                    Conn c = idle.poll();
                    c.scheduled = waiting.poll();
                    send(c.channel, request);
                    busy++;
                }
                long nextDue = begin + (long) (next * interval);
                if (nextDue >= end && waiting.isEmpty() && busy == 0) {
                    break;
                }
                long waitNanos = nextDue >= end ? 50_000_000 : nextDue - System.nanoTime();
                if (waitNanos >= 2_000_000) {
                    // answers wake it; the selector's timeout is in whole milliseconds
                    selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos) - 1);
                } else {
                    // the next is due sooner than a millisecond tick: wait exactly, then take what came
                    // meanwhile (an answer is then seen up to one interval late, and counted so)
                    if (waitNanos > 0) {
                        LockSupport.parkNanos(waitNanos);
                    }
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    int status;
                    try {
                        status = read(c);
                    } catch (IOException e) {
                        throw new IOException("a connection failed during the paced run: " + e.getMessage(), e);
                    }
                    if (status < 0) {
                        continue; // the answer is not complete yet
                    }
                    long finished = System.nanoTime();
                    if (c.scheduled >= start) {
                        if (status == 200) {
                            latency.recordValue(Math.max(1, (finished - c.scheduled) / 1000));
                            done++;
                        } else {
                            failures++;
                            if (firstFailure == null) {
                                firstFailure = "HTTP " + status;
                            }
                        }
                    }
                    c.scheduled = -1;
                    busy--;
                    idle.add(c);
                }
                selector.selectedKeys().clear();
            }
            for (Conn c : all) {
                c.channel.close();
            }
        }
        return new LoadRun.Result(done, failures, seconds, latency, firstFailure);
    }

    private static void send(SocketChannel ch, byte[] request) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(request);
        while (b.hasRemaining()) {
            if (ch.write(b) == 0) {
                Thread.onSpinWait(); // a request is far smaller than the socket's buffer: rare, and brief
            }
        }
    }

    /**
     * Reads what arrived; when a whole response is in (head and Content-Length body), takes it out
     * of the buffer and answers its status, else -1.
     */
    private static int read(Conn c) throws IOException {
        if (c.channel.read(c.in) < 0) {
            throw new IOException("connection closed by the server");
        }
        byte[] a = c.in.array();
        int limit = c.in.position();
        int headEnd = ResponseHead.end(a, 0, limit);
        if (headEnd < 0) {
            if (limit == a.length) {
                throw new IOException("response head larger than " + a.length + " bytes");
            }
            return -1;
        }
        int length = ResponseHead.contentLength(a, 0, headEnd);
        if (length < 0) {
            throw new IOException("response without Content-Length");
        }
        if (headEnd + length > a.length) {
            throw new IOException("response larger than " + a.length + " bytes");
        }
        if (limit < headEnd + length) {
            return -1;
        }
        int status = ResponseHead.status(a, 0, headEnd);
        // keep whatever follows (nothing, without pipelining) for the next answer
        int rest = limit - (headEnd + length);
        System.arraycopy(a, headEnd + length, a, 0, rest);
        c.in.position(rest);
        return status;
    }
}
