package dev.swasd.swas;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A {@code [from, to)} time range given as StartTime and EndTime, each either Unix epoch milliseconds or
 * {@code yyyy-MM-ddTHH:mm[:ss]Z} (the forms the monitoring and database log pages document). A malformed
 * time, an end not after its start or a range longer than allowed is 400 {@code InvalidParameter} naming
 * the parameter at fault.
 */
public record TimeRange(long from, long to) {
    private static final Pattern MILLIS = Pattern.compile("\\d{1,15}");
    private static final Pattern NO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}Z");

    public static TimeRange parse(String start, String end, Duration longest) {
        long from = instant("StartTime", start);
        long to = instant("EndTime", end);
        if (to <= from) {
            throw SwasErrors.invalidParam("EndTime", "it must be later than StartTime.");
        }
        if (to - from > longest.toMillis()) {
            throw SwasErrors.invalidParam(
                    "EndTime", "the range from StartTime may be at most " + longest.toDays() + " days.");
        }
        return new TimeRange(from, to);
    }

    /** Epoch milliseconds of a StartTime or EndTime. */
    public static long instant(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw SwasErrors.invalidParam(name, "it is empty.");
        }
        if (MILLIS.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        String iso = NO_SECONDS.matcher(text).matches() ? text.substring(0, text.length() - 1) + ":00Z" : text;
        try {
            if (!iso.endsWith("Z")) {
                throw new DateTimeParseException("no Z", iso, 0);
            }
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw SwasErrors.invalidParam(
                    name, "it must be Unix epoch milliseconds or yyyy-MM-ddTHH:mm:ssZ, not \"" + text + "\".");
        }
    }
}
