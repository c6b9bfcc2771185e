package org.resumablesse.it;

/**
 * The seed of a randomized test: the system property {@code resumablesse.test.seed} when given, so
 * that a failed run's plan can be replayed, otherwise a new one.
 */
public final class Seeds {

    private Seeds() {}

    /** The seed to use for this run. */
    public static long seed() {
        return Long.getLong("resumablesse.test.seed", System.nanoTime());
    }

    /** How to run the same plan again, for failure messages. */
    public static String rerun(long seed) {
        return "seed " + seed + " (rerun with -Dresumablesse.test.seed=" + seed + ")";
    }
}
