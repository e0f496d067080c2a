package dev.swasd.cli.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Requests signed before a scenario starts, each with its own nonce, replayed once each while it
 * runs: the load generator then only writes bytes and reads answers, so neither signing nor the
 * garbage it makes (whose collection pauses the generator, and would show as server latency)
 * competes with the server during the measurement. When the corpus runs out, the scenario signs
 * the rest as it goes.
 */
final class SignedCorpus {
    private final byte[][] requests;
    private final AtomicInteger next = new AtomicInteger();

    SignedCorpus(int size, Supplier<byte[]> sign) {
        requests = new byte[size][];
        for (int i = 0; i < size; i++) {
            requests[i] = sign.get();
        }
        // the corpus is tens of megabytes of live data: collect now, so that it is tenured before
        // the measurement instead of being copied by young collections during it (whose pauses,
        // 30-70 ms, the client would report as server latency)
        System.gc();
    }

    /** The next unused request, or null when all have been sent. */
    byte[] next() {
        int i = next.getAndIncrement();
        if (i >= requests.length) {
            return null;
        }
        byte[] r = requests[i];
        requests[i] = null; // sent once; let it go
        return r;
    }
}
