package dev.swasd.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure (or delay) to inject: the next calls of an action answer an error in the service's
 * envelope, or answer late. Immutable; each {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * swasd.addFault(Fault.error("DeleteCustomImages", "Throttling.User").times(1));
 * swasd.addFault(Fault.delay("ListCustomImages", Duration.ofMillis(300)).probability(0.5));
 * }</pre>
 *
 * Defaults: status 400, a message naming the code, every matching call ({@code times} unlimited),
 * probability 1, no delay. Same fields as {@code POST /_swasd/faults}.
 */
public final class Fault {
    private final String action;
    private final String code;
    private final int status;
    private final String message;
    private final Integer times;
    private final double probability;
    private final long delayMs;

    private Fault(
            String action, String code, int status, String message, Integer times, double probability, long delayMs) {
        this.action = action;
        this.code = code;
        this.status = status;
        this.message = message;
        this.times = times;
        this.probability = probability;
        this.delayMs = delayMs;
    }

    /** Calls of {@code action} ({@code "*"} for every action) answer the error {@code code}, HTTP 400 unless {@link #status}. */
    public static Fault error(String action, String code) {
        return new Fault(
                Objects.requireNonNull(action, "action"),
                Objects.requireNonNull(code, "code"),
                400,
                null,
                null,
                1.0,
                0);
    }

    /** Calls of {@code action} ({@code "*"} for every action) wait {@code delay} before they are served. */
    public static Fault delay(String action, Duration delay) {
        return new Fault(Objects.requireNonNull(action, "action"), null, 400, null, null, 1.0, delay.toMillis());
    }

    /** The HTTP status of the error (400-599). */
    public Fault status(int httpStatus) {
        return new Fault(action, code, httpStatus, message, times, probability, delayMs);
    }

    /** The error's Message. */
    public Fault message(String text) {
        return new Fault(action, code, status, text, times, probability, delayMs);
    }

    /** Applies to this many matching calls, then is gone. */
    public Fault times(int count) {
        return new Fault(action, code, status, message, count, probability, delayMs);
    }

    /** Applies to a matching call with this chance (above 0, at most 1); a call it spares uses none of its times. */
    public Fault probability(double chance) {
        return new Fault(action, code, status, message, times, chance, delayMs);
    }

    /** Calls it applies to wait this long first (and then fail, if it has a code). */
    public Fault delay(Duration delay) {
        return new Fault(action, code, status, message, times, probability, delay.toMillis());
    }

    public String action() {
        return action;
    }

    /** Null for a delay alone. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** Null for the default message. */
    public String message() {
        return message;
    }

    /** Null for every matching call. */
    public Integer times() {
        return times;
    }

    public double probability() {
        return probability;
    }

    public long delayMs() {
        return delayMs;
    }

    @Override
    public String toString() {
        return "Fault[action=" + action + ", code=" + code + ", status=" + status + ", times=" + times
                + ", probability=" + probability + ", delayMs=" + delayMs + "]";
    }
}
