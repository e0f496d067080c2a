package dev.swasd.swas;

/**
 * How long resources stay in their transitional states (Pending, Starting, Creating, Progressing
 * ...) before the next state: {@code --state-delay}. Zero makes every transition immediate.
 */
public record Lifecycle(long delayMillis) {
    public Long dueAt(long now) {
        return delayMillis == 0 ? null : now + delayMillis;
    }

    public boolean immediate() {
        return delayMillis == 0;
    }
}
