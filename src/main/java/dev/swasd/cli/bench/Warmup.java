package dev.swasd.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a scenario unmeasured until the server's JIT has compiled its path: on few shared cores
 * the compiler threads wait for a core behind the requests, so a fixed warm-up can end with the
 * hot path still being compiled (docs/performance.md). Each slice of the warm-up reads the
 * server's {@code jvm_compilation_time_ms_total}, and the warm-up ends once {@link #QUIET_SLICES}
 * slices in a row each compiled for less than {@link #SETTLED_MILLIS} (or at the cap): the total
 * counts compilations when they finish, so a single quiet slice can sit between busy ones.
 */
final class Warmup {
    /** A slice under this much JIT time (of 1 s, on any compiler thread) counts as settled. */
    static final long SETTLED_MILLIS = 50;
    /** How many quiet slices in a row count as settled. */
    static final int QUIET_SLICES = 3;

    private static final double SLICE_SECONDS = 1;
    private static final Pattern COMPILATION =
            Pattern.compile("(?m)^jvm_compilation_time_ms_total(?:\\{[^}]*})? (\\S+)$");

    /**
     * What a warm-up did: how long it ran, the JIT time of its last slice ({@code -1}: not known),
     * and the rate of its last slice (operations a second), which sizes the signed corpus of the
     * measured run.
     */
    record Outcome(double seconds, long lastSliceMillis, boolean settled, double lastSliceRate) {
        String describe() {
            if (lastSliceMillis < 0) {
                return String.format(Locale.ROOT, "%.0f s (the server shows no JIT meter)", seconds);
            }
            return String.format(
                    Locale.ROOT,
                    "%.0f s, %s (%d ms compiling in the last second)",
                    seconds,
                    settled ? "JIT settled" : "JIT still busy at the cap",
                    lastSliceMillis);
        }
    }

    private Warmup() {}

    /**
     * @param fallbackSeconds how long to run when the server has no JIT meter (an older swasd or
     *                        another implementation behind {@code --endpoint})
     */
    static Outcome run(
            String host, int port, int connections, LoadRun.Operation op, double capSeconds, double fallbackSeconds)
            throws InterruptedException {
        long before = compilationMillis(host, port);
        if (before < 0) {
            LoadRun.Result r = LoadRun.closedLoop(host, port, connections, fallbackSeconds, op);
            return new Outcome(fallbackSeconds, -1, false, r.perSecond());
        }
        double elapsed = 0;
        int quiet = 0;
        long slice;
        double rate;
        do {
            rate = LoadRun.closedLoop(host, port, connections, SLICE_SECONDS, op)
                    .perSecond();
            elapsed += SLICE_SECONDS;
            long now = compilationMillis(host, port);
            slice = now - before;
            before = now;
            quiet = quietInARow(slice, quiet);
        } while (quiet < QUIET_SLICES && elapsed < capSeconds);
        return new Outcome(elapsed, slice, quiet >= QUIET_SLICES, rate);
    }

    /** The quiet slices in a row after one that compiled for {@code sliceMillis}. */
    static int quietInARow(long sliceMillis, int quietBefore) {
        return sliceMillis < SETTLED_MILLIS ? quietBefore + 1 : 0;
    }

    /** The server's JIT time so far, from its {@code /metrics}; -1 when it does not say. */
    static long compilationMillis(String host, int port) {
        byte[] request = ("GET /metrics HTTP/1.1\r\nhost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (HttpConnection c = new HttpConnection(host, port)) {
            HttpConnection.Response r = c.exchange(request, true);
            return r.status() == 200 ? parse(r.body()) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    static long parse(byte[] prometheusText) {
        Matcher m = COMPILATION.matcher(new String(prometheusText, StandardCharsets.UTF_8));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
