package dev.swasd.protocol;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RequestIds shaped like the service's: an upper-case version-4 UUID.
 *
 * <p>A request id has to be unique, not unpredictable: it names a request in logs and support
 * cases and grants nothing. So its 122 random bits come from the calling thread's generator rather
 * than {@link UUID#randomUUID()}'s SecureRandom, which serialises every caller on one lock.
 */
public final class RequestIds {
    private RequestIds() {}

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }
}
