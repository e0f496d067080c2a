package dev.swasd.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock resources live by, which the control API may move forward ({@code POST
 * /_swasd/clock/advance}): a wall clock plus an offset. State transitions, expiry times, creation
 * times and RAM's {@code acs:CurrentTime} follow it; signature timestamps and spent nonces stay
 * on the wall clock ({@link #wallOf}), so signed requests of real clients keep working after the
 * clock has moved.
 */
public final class StateClock extends Clock {
    private final Clock wall;
    private final AtomicLong offsetMillis;

    public StateClock(Clock wall) {
        this(wall, new AtomicLong());
    }

    private StateClock(Clock wall, AtomicLong offsetMillis) {
        this.wall = wall;
        this.offsetMillis = offsetMillis;
    }

    /** The wall clock under {@code clock} when it is a StateClock; otherwise {@code clock} itself. */
    public static Clock wallOf(Clock clock) {
        return clock instanceof StateClock s ? s.wall : clock;
    }

    /** Moves this clock forward by {@code by} (not negative); returns the new offset from the wall clock. */
    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return Duration.ofMillis(offsetMillis.addAndGet(by.toMillis()));
    }

    /** Back to the wall clock. */
    public void reset() {
        offsetMillis.set(0);
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    public Clock wall() {
        return wall;
    }

    @Override
    public long millis() {
        return wall.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return wall.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new StateClock(wall.withZone(zone), offsetMillis);
    }
}
