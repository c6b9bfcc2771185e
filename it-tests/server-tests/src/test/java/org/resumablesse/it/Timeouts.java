package org.resumablesse.it;

import java.time.Duration;

/**
 * Test timeouts, all multiplied by the system property {@code resumablesse.test.timeout-factor}
 * (default 1) so that a slow machine can stretch them without a code change.
 */
public final class Timeouts {

    private static final double FACTOR = factor();

    /** How long a test waits for something that normally happens within a second. */
    public static final Duration DEFAULT = seconds(20);

    private Timeouts() {}

    public static Duration seconds(long seconds) {
        return scaled(Duration.ofSeconds(seconds));
    }

    public static Duration scaled(Duration timeout) {
        return Duration.ofMillis(Math.round(timeout.toMillis() * FACTOR));
    }

    private static double factor() {
        String value = System.getProperty("resumablesse.test.timeout-factor", "").trim();
        if (value.isEmpty()) {
            return 1;
        }
        double factor = Double.parseDouble(value);
        if (!(factor > 0)) {
            throw new IllegalArgumentException(
                    "resumablesse.test.timeout-factor must be > 0: " + value);
        }
        return factor;
    }
}
