package dev.swasd.protocol;

import java.util.Locale;
import java.util.UUID;

/** RequestIds shaped like the service's: an upper-case UUID. */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
