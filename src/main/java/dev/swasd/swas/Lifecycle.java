package dev.swasd.swas;

import dev.swasd.store.Transition;

/**
 * How long resources stay in their transitional states (Pending, Starting, Creating, Progressing
 * ...) before the next state: {@code --state-delay}. Zero makes every transition immediate.
 */
public record Lifecycle(long delayMillis) {
    public boolean immediate() {
        return delayMillis == 0;
    }

    /** A resource passing through {@code via} on its way to {@code to}: at once when transitions are immediate. */
    public Transition toward(String via, String to, long now) {
        return immediate() ? Transition.settled(to) : Transition.pending(via, to, now + delayMillis);
    }
}
