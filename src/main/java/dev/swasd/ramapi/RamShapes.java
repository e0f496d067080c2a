package dev.swasd.ramapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Values as the RAM API writes them in responses. */
public final class RamShapes {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RamShapes() {}

    /** ISO-8601 UTC to the second, as every RAM date field ({@code CreateDate}, {@code JoinDate} …). */
    public static String time(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis));
    }
}
