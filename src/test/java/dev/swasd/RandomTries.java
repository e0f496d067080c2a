package dev.swasd;

import java.util.Random;

/**
 * Property tests as seeded-random JUnit tests: a property is run a fixed number of tries, each on
 * values drawn from one {@link Random}. The seed is new on every run unless the system property
 * {@value #SEED_PROPERTY} names one; a failure names the seed and the try, so
 * {@code mvn test -Dtest=TheTest -Dswasd.seed=SEED} replays it exactly.
 */
public final class RandomTries {
    public static final String SEED_PROPERTY = "swasd.seed";

    private RandomTries() {}

    /** One try of a property, on values drawn from {@code random}. */
    @FunctionalInterface
    public interface Try {
        void run(Random random) throws Exception;
    }

    /** The seed of this run: {@value #SEED_PROPERTY} when set, otherwise a fresh one. */
    public static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Long.parseLong(configured.strip());
        }
        return new Random().nextLong();
    }

    /** Runs {@code property} {@code tries} times; the first failure ends the run and names the seed. */
    public static void check(int tries, Try property) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            try {
                property.run(random);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError e) {
                    throw e;
                }
                throw new AssertionError(
                        "try " + i + " of " + tries + " failed with seed " + seed + " (replay: -D" + SEED_PROPERTY + "="
                                + seed + "): " + t.getMessage(),
                        t);
            }
        }
    }

    /**
     * A long in [min, max] (a range far from overflowing): half the time uniform, half the time
     * below a random power of ten, so that small values come up as often as large ones.
     */
    public static long longBetween(Random random, long min, long max) {
        long span = max - min;
        if (random.nextBoolean()) {
            return min + random.nextLong(span + 1);
        }
        long bound = 1;
        for (int digits = random.nextInt(1, 19); digits > 0 && bound <= span / 10; digits--) {
            bound *= 10;
        }
        return min + random.nextLong(Math.min(span, bound) + 1);
    }
}
