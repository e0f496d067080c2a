package dev.swasd.store;

/**
 * A resource's state: the status its row holds, and the transition it waits for, if any. The
 * effective status follows the clock (a due transition counts as done before the scheduler writes
 * it), so every node answers the same whatever the scheduler has reached.
 *
 * @param stored the status the row holds
 * @param next   the status it moves to at {@code at}; null when nothing is pending
 * @param at     epoch milliseconds of the transition; null when nothing is pending
 */
public record Transition(String stored, String next, Long at) {
    public static Transition settled(String status) {
        return new Transition(status, null, null);
    }

    /** In {@code status} now, moving to {@code next} at {@code at}. */
    public static Transition pending(String status, String next, long at) {
        return new Transition(status, next, at);
    }

    public String status(long now) {
        return at != null && now >= at ? next : stored;
    }

    /** Whether a transition is still to come after {@code now}. */
    public boolean pendingAfter(long now) {
        return at != null && at > now;
    }
}
