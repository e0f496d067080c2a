package dev.swasd.protocol;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RequestIds shaped like the service's: an upper-case version-4 UUID.
 *
 * <p>A request id has to be unique, not unpredictable: it names a request in logs and support
 * cases and grants nothing. So its 122 random bits come from the calling thread's generator rather
 * than {@link java.util.UUID#randomUUID()}'s SecureRandom, which serialises every caller on one
 * lock and was 2 % of the server's CPU per ListCustomImages.
 */
public final class RequestIds {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        byte[] out = new byte[36];
        hex(out, 0, high >>> 32, 8);
        out[8] = '-';
        hex(out, 9, high >>> 16, 4);
        out[13] = '-';
        hex(out, 14, high, 4);
        out[18] = '-';
        hex(out, 19, low >>> 48, 4);
        out[23] = '-';
        hex(out, 24, low, 12);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** The low {@code digits} hex digits of {@code value}, most significant first, at {@code at}. */
    private static void hex(byte[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
