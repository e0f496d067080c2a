package dev.swasd.swas.requestlog;

import dev.swasd.store.RequestLogRecord;
import dev.swasd.swas.SwasErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What ListRequestLogs selects: one account's entries, optionally of one action, one error Code
 * ({@value #SUCCESS} for calls without one), one principal, and a time range [start, end).
 *
 * @param start epoch milliseconds, inclusive; null for no lower bound
 * @param end   epoch milliseconds, exclusive; null for no upper bound
 */
public record RequestLogQuery(String accountId, String action, String code, String principal, Long start, Long end) {
    /** The Code filter that selects calls that succeeded (their Code is empty). */
    public static final String SUCCESS = "Success";

    /** ISO-8601 in UTC: minutes, seconds or fractions of a second, and a Z. */
    private static final Pattern UTC_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

    /** From the request's parameters: times parsed, an empty filter read as none. */
    public static RequestLogQuery of(
            String accountId, String action, String code, String principal, String startTime, String endTime) {
        Long start = time("StartTime", startTime);
        Long end = time("EndTime", endTime);
        if (start != null && end != null && end <= start) {
            throw SwasErrors.invalidParam("EndTime", "it must be later than StartTime.");
        }
        return new RequestLogQuery(
                accountId, blankToNull(action), blankToNull(code), blankToNull(principal), start, end);
    }

    /**
     * The SQL condition that selects the chunks that may hold matching calls: the account's, and
     * among them those overlapping the time range; {@link #chunkArgs()} for its marks.
     */
    public String chunkWhere() {
        return "account_id = ?" + (start != null ? " AND last_at >= ?" : "") + (end != null ? " AND first_at < ?" : "");
    }

    public Object[] chunkArgs() {
        List<Object> args = new ArrayList<>();
        args.add(accountId);
        if (start != null) {
            args.add(start);
        }
        if (end != null) {
            args.add(end);
        }
        return args.toArray();
    }

    /** Whether a call of the selected chunks is one the query asks for. */
    public boolean matches(RequestLogRecord call) {
        return call.accountId().equals(accountId)
                && (action == null || action.equals(call.action()))
                && (code == null || (code.equals(SUCCESS) ? "" : code).equals(call.code()))
                && (principal == null || principal.equals(call.principal()))
                && (start == null || call.loggedAt() >= start)
                && (end == null || call.loggedAt() < end);
    }

    static Long time(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!UTC_TIME.matcher(text).matches()) {
            throw badTime(name);
        }
        String full = text.length() == "2026-12-03T12:00Z".length() ? text.replace("Z", ":00Z") : text;
        try {
            return Instant.parse(full).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw badTime(name);
        }
    }

    private static RuntimeException badTime(String name) {
        return SwasErrors.invalidParam(name, "it must be an ISO-8601 time in UTC, such as 2026-12-03T12:00:00Z.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
