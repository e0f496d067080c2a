package dev.swasd.swas;

import java.nio.charset.StandardCharsets;

/**
 * Hashes that are the same on every node and every run (no {@code String.hashCode} or random seeds), for
 * data swasd makes up instead of storing: monitoring series, database logs and metrics.
 */
public final class StableHash {
    private StableHash() {}

    /** FNV-1a (64 bits) of the parts joined by {@code /}. */
    public static long of(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (byte b : String.join("/", parts).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash of {@code x}. */
    public static long mix(long x) {
        long z = x + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A hash mapped onto [0, 1). */
    public static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
